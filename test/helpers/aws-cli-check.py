"""Checks AWS CLI commands against the real CLI's command table (no network, no credentials).

stdin: a JSON list of command lines ("aws <service> <operation> --option value ...").
stdout: a JSON list of problems, one string each; empty when every service, operation and
option name exists.
"""
import json
import shlex
import sys

from awscli.clidriver import create_clidriver

driver = create_clidriver()
services = driver._get_command_table()
global_options = set(driver._get_argument_table())
problems = []
for line in json.load(sys.stdin):
    words = shlex.split(line)
    if len(words) < 3 or words[0] != "aws":
        problems.append(f"{line}: not an `aws <service> <operation>` command")
        continue
    service, operation = words[1], words[2]
    if service not in services:
        problems.append(f"{line}: no service {service}")
        continue
    operations = services[service]._get_command_table()
    if operation not in operations:
        problems.append(f"{line}: {service} has no operation {operation}")
        continue
    options = set(operations[operation].arg_table) | global_options
    for word in words[3:]:
        if word.startswith("--"):
            name = word[2:].split("=", 1)[0]
            if name not in options:
                problems.append(f"{line}: {service} {operation} has no option --{name}")
json.dump(problems, sys.stdout)
