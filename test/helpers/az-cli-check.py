"""Checks Azure CLI commands against the real CLI's command table (no network, no login).

stdin: a JSON list of command lines ("az <group> ... <command> --option value ...").
stdout: a JSON list of problems, one string each; empty when every command and option name exists.
Loads the command table as `az` does, then the arguments of only the commands named.
"""
import json
import os
import shlex
import sys
import tempfile

# A configuration directory of its own: no login, no telemetry, nothing written to the user's ~/.azure.
os.environ["AZURE_CONFIG_DIR"] = tempfile.mkdtemp(prefix="leakguard-az-")
os.environ["AZURE_CORE_COLLECT_TELEMETRY"] = "false"

from azure.cli.core import get_default_cli  # noqa: E402
from azure.cli.core.commands import register_cache_arguments  # noqa: E402
from azure.cli.core.commands.arm import register_global_subscription_argument, register_ids_argument  # noqa: E402

cli = get_default_cli()
register_global_subscription_argument(cli)
register_ids_argument(cli)
register_cache_arguments(cli)
invocation = cli.invocation_cls(cli_ctx=cli, commands_loader_cls=cli.commands_loader_cls, parser_cls=cli.parser_cls, help_cls=cli.help_cls)
cli.invocation = invocation
loader = invocation.commands_loader
loader.load_command_table(None)
table = loader.command_table
# Options every command takes (knack's and az's global arguments, and --ids/--subscription added at parse time).
GLOBAL = {"--query", "--output", "-o", "--debug", "--verbose", "--only-show-errors", "--help", "-h", "--subscription", "--ids"}


def options_of(name):
    # Argument scopes apply by the command string, as in a real invocation.
    invocation.data = {"command_string": name}
    loader.command_name = name
    loader.load_arguments(name)
    out = set()
    for arg in table[name].arguments.values():
        for o in arg.type.settings.get("options_list") or []:
            # Deprecated option names are objects naming their target.
            out.add(o if isinstance(o, str) else getattr(o, "target", str(o)))
    return out


problems = []
for line in json.load(sys.stdin):
    words = shlex.split(line)
    if len(words) < 2 or words[0] != "az":
        problems.append(f"{line}: not an `az <group> <command>` command")
        continue
    path = []
    for w in words[1:]:
        if w.startswith("-"):
            break
        path.append(w)
    name = " ".join(path)
    if name not in table:
        problems.append(f"{line}: no command az {name}")
        continue
    options = options_of(name) | GLOBAL
    for word in words[1 + len(path):]:
        if word.startswith("-") and not word.lstrip("-").replace(".", "").isdigit():
            flag = word.split("=", 1)[0]
            if flag not in options:
                problems.append(f"{line}: az {name} has no option {flag}")
json.dump(problems, sys.stdout)
