environment = "staging"
public      = true
