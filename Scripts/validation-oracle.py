#!/usr/bin/env python3
"""Independent oracle for the JSON Schema validation corpus.

Usage: python3 Scripts/validation-oracle.py [corpus-folder]

The corpus folder (default: Tests/ValidationCorpus under the repository root, the parent of
Scripts/) holds openapi-3.0.yaml, openapi-3.1.yaml and instances.json. Every case in
instances.json names a spec ("3.0" | "3.1"), a component schema of that spec and a JSON
instance. The script prints ONE JSON object to stdout:

    {"verdicts": {"<id>": true|false, ...}, "tools": {"jsonschema": "<version>", "node": "<version>"}}

where true means the instance is valid. Nothing else is printed to stdout.

How a verdict is computed:
  * OpenAPI 3.0 components are converted to JSON Schema Draft 4 (nullable -> type arrays,
    OpenAPI-only keywords dropped, refs -> #/definitions/X) and validated with
    jsonschema.Draft4Validator. OpenAPI 3.1 components are JSON Schema 2020-12 already (refs
    -> #/$defs/X) and are validated with jsonschema.Draft202012Validator.
  * Formats are checked (see build_format_checker for which checker is used).
  * Numbers are exact: instances are parsed with parse_float=Decimal and YAML floats in the
    schemas are turned into Decimal(repr(f)), so multipleOf 0.1 accepts 0.3 and rejects
    0.30000000000000004.
  * `pattern` is evaluated by Node.js with ECMA-262 semantics: new RegExp(pattern, 'u').test(s),
    never by Python's `re`.

Exit status: 0 success; 2 missing Python package; 3 missing format-checker dependency;
4 `node` missing or failing; 5 corpus error (bad file, unknown schema, duplicate id, bad pattern).
"""

from __future__ import annotations

import decimal
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

EXIT_MISSING_PACKAGE = 2
EXIT_MISSING_FORMAT_DEPENDENCY = 3
EXIT_NODE = 4
EXIT_CORPUS = 5


def fail(code: int, message: str) -> None:
    print(f"validation-oracle: error: {message}", file=sys.stderr)
    sys.exit(code)


try:
    import jsonschema
    import jsonschema.validators
    from jsonschema.exceptions import ValidationError
except ImportError:
    fail(EXIT_MISSING_PACKAGE, "the Python package 'jsonschema' is missing: pip install jsonschema")
try:
    import yaml
except ImportError:
    fail(EXIT_MISSING_PACKAGE, "the Python package 'PyYAML' is missing: pip install pyyaml")

# Exact decimal arithmetic for multipleOf/minimum/...; 50 significant digits is far more than
# any number in the corpus needs (default context has 28).
decimal.getcontext().prec = 50

# Formats the corpus uses, and the pip package that makes jsonschema check them when the
# checker depends on a third-party module.
REQUIRED_FORMATS = {
    "date": None,
    "date-time": "rfc3339-validator",
    "email": None,
    "uuid": None,
    "uri": "rfc3987",
    "ipv4": None,
    "ipv6": None,
}

# OpenAPI 3.0 Schema Object keywords that are not JSON Schema (Draft 4) keywords.
OPENAPI_ONLY_KEYS = {
    "nullable", "discriminator", "readOnly", "writeOnly", "example", "xml", "externalDocs",
    "deprecated",
}

COMPONENT_REF = re.compile(r"^#/components/schemas/([A-Za-z0-9_.-]+)$")
PROPERTY_NAME = re.compile(r"^[a-z][A-Za-z]*$")
COMPONENT_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
RESERVED_COMPONENT_NAMES = {"Error", "Data", "Date", "String", "Schemas", "Type"}
SWIFT_KEYWORDS = {
    "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import",
    "init", "inout", "internal", "let", "open", "operator", "private", "precedencegroup",
    "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
    "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough",
    "for", "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "as",
    "false", "is", "nil", "self", "super", "throws", "true", "try", "type", "any", "some",
    "await", "async", "package", "consume", "borrowing", "consuming",
}


# --------------------------------------------------------------------------- corpus loading

def to_decimal(node):
    """YAML floats -> Decimal(repr(f)) (exact as written); everything else unchanged."""
    if isinstance(node, float):
        return Decimal(repr(node))
    if isinstance(node, dict):
        return {key: to_decimal(value) for key, value in node.items()}
    if isinstance(node, list):
        return [to_decimal(value) for value in node]
    return node


def load_spec(path: Path, expected_version: str) -> dict:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        fail(EXIT_CORPUS, f"{path}: cannot load: {error}")
    if not isinstance(document, dict):
        fail(EXIT_CORPUS, f"{path}: not a YAML mapping")
    if str(document.get("openapi", "")) != expected_version:
        fail(EXIT_CORPUS, f"{path}: expected openapi: {expected_version}, found {document.get('openapi')!r}")
    schemas = (document.get("components") or {}).get("schemas")
    if not isinstance(schemas, dict) or not schemas:
        fail(EXIT_CORPUS, f"{path}: components.schemas is missing or empty")
    schemas = to_decimal(schemas)
    lint_components(path, schemas)
    return schemas


def lint_components(path: Path, schemas: dict) -> None:
    """Enforce the corpus rules the Swift generator relies on."""
    problems = []

    def walk(node, where):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref is not None:
                match = COMPONENT_REF.match(str(ref))
                if not match or match.group(1) not in schemas:
                    problems.append(f"{where}: $ref {ref!r} does not name a component of this file")
            properties = node.get("properties")
            if isinstance(properties, dict):
                for name in properties:
                    if not PROPERTY_NAME.match(str(name)) or str(name).lower() in SWIFT_KEYWORDS:
                        problems.append(f"{where}/properties: bad property name {name!r}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")

    for name, schema in schemas.items():
        where = f"#/components/schemas/{name}"
        if not COMPONENT_NAME.match(str(name)) or name in RESERVED_COMPONENT_NAMES:
            problems.append(f"{where}: bad component name")
        if not isinstance(schema, dict) or schema.get("type") != "object" \
                or not isinstance(schema.get("properties"), dict) or not schema["properties"]:
            problems.append(f"{where}: a subject must be `type: object` with a non-empty `properties` map")
        walk(schema, where)
    if problems:
        fail(EXIT_CORPUS, f"{path}:\n  " + "\n  ".join(problems))


def load_instances(path: Path, components: dict) -> list:
    try:
        cases = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except (OSError, ValueError) as error:
        fail(EXIT_CORPUS, f"{path}: cannot load: {error}")
    if not isinstance(cases, list):
        fail(EXIT_CORPUS, f"{path}: expected a JSON array of cases")
    seen = set()
    for index, case in enumerate(cases):
        where = f"{path}[{index}]"
        if not isinstance(case, dict) or not {"id", "spec", "schema", "instance", "note"} <= set(case) \
                or not set(case) <= {"id", "spec", "schema", "instance", "note", "direction"}:
            fail(EXIT_CORPUS, f"{where}: a case needs exactly id, spec, schema, instance, note (and optionally direction)")
        if case.get("direction", "any") not in DIRECTIONS:
            fail(EXIT_CORPUS, f"{where}: direction must be one of {sorted(DIRECTIONS)}")
        if not isinstance(case["id"], str) or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", case["id"]):
            fail(EXIT_CORPUS, f"{where}: id {case['id']!r} is not kebab-case")
        if case["id"] in seen:
            fail(EXIT_CORPUS, f"{where}: duplicate id {case['id']!r}")
        seen.add(case["id"])
        if case["spec"] not in components:
            fail(EXIT_CORPUS, f"{where}: spec must be one of {sorted(components)}")
        if case["schema"] not in components[case["spec"]]:
            fail(EXIT_CORPUS, f"{where}: {case['schema']!r} is not a component of the {case['spec']} spec")
    return cases


# --------------------------------------------------------------------------- schema conversion

# OpenAPI 3.0.3 §4.7.24 / 3.1.0 §4.8.24: a required readOnly property is required in responses
# only, a required writeOnly one in requests only. "any" requires both (plain JSON Schema).
DIRECTIONS = {"any": None, "request": "readOnly", "response": "writeOnly"}


def for_direction(schema, direction: str):
    """The OpenAPI schema as it applies one way: `required` loses the properties whose own
    schema is readOnly (requests) or writeOnly (responses). Applied before conversion."""
    flag = DIRECTIONS[direction]
    if flag is None:
        return schema
    if isinstance(schema, list):
        return [for_direction(value, direction) for value in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: for_direction(value, direction) for key, value in schema.items()}
    properties = schema.get("properties")
    if isinstance(properties, dict) and isinstance(schema.get("required"), list):
        skipped = {name for name, sub in properties.items() if isinstance(sub, dict) and sub.get(flag) is True}
        out["required"] = [name for name in schema["required"] if name not in skipped]
        if not out["required"]:
            del out["required"]
    return out

def rewrite_ref(ref: str, prefix: str) -> str:
    match = COMPONENT_REF.match(ref)
    if not match:
        fail(EXIT_CORPUS, f"unsupported $ref {ref!r}")
    return f"{prefix}{match.group(1)}"


def convert_30(schema):
    """OpenAPI 3.0 Schema Object -> JSON Schema Draft 4."""
    if not isinstance(schema, dict):
        return schema  # e.g. additionalProperties: false
    out = {}
    for key, value in schema.items():
        if key in OPENAPI_ONLY_KEYS or key.startswith("x-"):
            continue
        if key == "$ref":
            out[key] = rewrite_ref(value, "#/definitions/")
        elif key in ("properties", "patternProperties", "definitions"):
            out[key] = {name: convert_30(sub) for name, sub in value.items()}
        elif key in ("allOf", "oneOf", "anyOf"):
            out[key] = [convert_30(sub) for sub in value]
        elif key in ("items", "additionalProperties", "not", "additionalItems"):
            out[key] = [convert_30(sub) for sub in value] if isinstance(value, list) else convert_30(value)
        else:
            out[key] = value  # enum, required, numeric/string keywords: data, copied as is
    # OpenAPI 3.0.3: `nullable: true` adds "null" to the type, and only when `type` is given.
    # With an `enum`, null is added to the enum too (the corpus' convention, the way most
    # tools read it). Note the 3.0.3 text says other keywords keep their meaning, so a strict
    # reading would let an enum without null reject null; oas30-nullable-enum-null probes this.
    if schema.get("nullable") is True and "type" in out:
        types = out["type"] if isinstance(out["type"], list) else [out["type"]]
        if "null" not in types:
            out["type"] = types + ["null"]
        if "enum" in out and None not in out["enum"]:
            out["enum"] = list(out["enum"]) + [None]
    # `nullable: true` without `type` beside a composition (`allOf: [$ref]`, the common way to
    # make a $ref nullable in 3.0): null or the schema, as api-bindgen (and most tools) read it.
    if schema.get("nullable") is True and "type" not in out and any(k in out for k in ("allOf", "oneOf", "anyOf", "$ref")):
        out = {"anyOf": [{"type": "null"}, out]}
    return out


def convert_31(schema):
    """OpenAPI 3.1 Schema Object (JSON Schema 2020-12): only the refs change."""
    if isinstance(schema, dict):
        return {key: (rewrite_ref(value, "#/$defs/") if key == "$ref" and isinstance(value, str)
                      else convert_31(value))
                for key, value in schema.items()}
    if isinstance(schema, list):
        return [convert_31(value) for value in schema]
    return schema


# --------------------------------------------------------------------------- formats

def build_format_checker(validator_class):
    """The draft's own FORMAT_CHECKER, completed where it does not check a corpus format.

    jsonschema registers each format checker per draft. Draft 4's FORMAT_CHECKER has no
    `date` (a Draft 3/7+ format) and no `uuid` (2019-09+), yet OpenAPI 3.0 uses both. For
    any required format the draft's checker lacks, we borrow the function that
    jsonschema.FormatChecker() (every format jsonschema knows) uses for that name; the
    draft's own functions are kept for everything else. With jsonschema 4.x this means
    Draft 4 gets `date` and `uuid` from the 2020-12 implementations; Draft 2020-12 needs
    nothing extra. `uri`/`date-time` need the optional packages rfc3987 / rfc3339-validator;
    if they are absent the format is not registered at all, and we stop.
    """
    all_formats = jsonschema.FormatChecker()
    checker = jsonschema.FormatChecker(formats=())
    checker.checkers = dict(validator_class.FORMAT_CHECKER.checkers)
    borrowed = []
    for name, package in REQUIRED_FORMATS.items():
        if name in checker.checkers:
            continue
        if name in all_formats.checkers:
            checker.checkers[name] = all_formats.checkers[name]
            borrowed.append(name)
            continue
        hint = f"pip install {package}" if package else "upgrade jsonschema"
        fail(EXIT_MISSING_FORMAT_DEPENDENCY,
             f"jsonschema cannot check format {name!r} ({validator_class.__name__}); {hint}")
    return checker


# --------------------------------------------------------------------------- pattern via node

NODE_PROGRAM = r"""
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const pairs = JSON.parse(input);
  const compiled = new Map();
  const results = pairs.map(([pattern, text]) => {
    let re = compiled.get(pattern);
    if (re === undefined) {
      try { re = new RegExp(pattern, 'u'); } catch (e) { re = { error: String(e) }; }
      compiled.set(pattern, re);
    }
    if (re.error !== undefined) return { error: re.error };
    return re.test(text);
  });
  process.stdout.write(JSON.stringify(results));
});
"""


def node_version() -> str:
    try:
        result = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True)
    except FileNotFoundError:
        fail(EXIT_NODE, "`node` is not on PATH; install Node.js (it evaluates `pattern` with ECMA-262 semantics)")
    except subprocess.CalledProcessError as error:
        fail(EXIT_NODE, f"`node --version` failed: {error.stderr.strip()}")
    return result.stdout.strip()


def run_node(pairs: list) -> dict:
    """Evaluate (pattern, string) pairs with new RegExp(pattern, 'u').test(string) in one node run."""
    if not pairs:
        return {}
    try:
        result = subprocess.run(["node", "-e", NODE_PROGRAM], input=json.dumps(pairs),
                                capture_output=True, text=True, encoding="utf-8", check=True)
    except FileNotFoundError:
        fail(EXIT_NODE, "`node` is not on PATH")
    except subprocess.CalledProcessError as error:
        fail(EXIT_NODE, f"node failed (exit {error.returncode}): {error.stderr.strip()}")
    answers = json.loads(result.stdout)
    if len(answers) != len(pairs):
        fail(EXIT_NODE, "node returned the wrong number of results")
    results = {}
    for (pattern, text), answer in zip(pairs, answers):
        if isinstance(answer, dict):
            fail(EXIT_CORPUS, f"pattern {pattern!r} is not a valid ECMA-262 (u flag) regex: {answer['error']}")
        results[(pattern, text)] = bool(answer)
    return results


class PatternEngine:
    """`pattern` keyword backed by node results; unknown pairs are recorded and pass."""

    def __init__(self):
        self.results: dict = {}
        self.pending: set = set()

    def keyword(self, validator, pattern, instance, schema):
        if not validator.is_type(instance, "string"):
            return
        key = (pattern, instance)
        if key not in self.results:
            self.pending.add(key)  # not evaluated yet: treat as a match for this pass
            return
        if not self.results[key]:
            yield ValidationError(f"{instance!r} does not match {pattern!r}")

    def resolve_pending(self) -> bool:
        if not self.pending:
            return False
        pairs = sorted(self.pending)
        self.pending.clear()
        self.results.update(run_node([list(pair) for pair in pairs]))
        return True


# --------------------------------------------------------------------------- validation

def is_integral_decimal(instance) -> bool:
    return isinstance(instance, Decimal) and instance.is_finite() and instance == instance.to_integral_value()


def make_validator_class(base, engine: PatternEngine):
    type_checker = base.TYPE_CHECKER
    if base is jsonschema.Draft202012Validator:
        # Draft 6+ counts 1.0 as an integer; jsonschema only knows that for float, and our
        # instances carry Decimal. (Draft 4 keeps "integer" = Python int.) The corpus avoids
        # such instances; this only keeps the oracle faithful if one is added.
        original = type_checker.is_type
        type_checker = type_checker.redefine(
            "integer",
            lambda checker, instance: original(instance, "integer") or is_integral_decimal(instance))
    return jsonschema.validators.extend(base, {"pattern": engine.keyword}, type_checker=type_checker)


def main() -> None:
    repo_root = Path(__file__).resolve().parent.parent
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else repo_root / "Tests" / "ValidationCorpus"
    if len(sys.argv) > 2:
        fail(EXIT_CORPUS, "usage: validation-oracle.py [corpus-folder]")
    if not corpus.is_dir():
        fail(EXIT_CORPUS, f"{corpus} is not a folder")

    node = node_version()
    flavours = {
        "3.0": dict(file="openapi-3.0.yaml", version="3.0.3", base=jsonschema.Draft4Validator,
                    convert=convert_30, defs="definitions"),
        "3.1": dict(file="openapi-3.1.yaml", version="3.1.0", base=jsonschema.Draft202012Validator,
                    convert=convert_31, defs="$defs"),
    }
    components = {spec: load_spec(corpus / f["file"], f["version"]) for spec, f in flavours.items()}
    cases = load_instances(corpus / "instances.json", components)

    engine = PatternEngine()
    validators = {}
    for spec, flavour in flavours.items():
        base = flavour["base"]
        format_checker = build_format_checker(base)
        cls = make_validator_class(base, engine)
        for direction in DIRECTIONS:
            definitions = {name: flavour["convert"](for_direction(schema, direction)) for name, schema in components[spec].items()}
            for name in definitions:
                root = {"$ref": f"#/{flavour['defs']}/{name}", flavour["defs"]: definitions}
                try:
                    # format_checker=None: the metaschema's `format: regex` would compile patterns
                    # with Python's `re`; pattern syntax is judged by node (ECMA-262) instead.
                    base.check_schema(root, format_checker=None)
                except jsonschema.SchemaError as error:
                    fail(EXIT_CORPUS, f"{spec} component {name}: not a valid {base.__name__} schema: {error.message}")
                validators[(spec, name, direction)] = cls(root, format_checker=format_checker)

    def validate_all() -> dict:
        # Collect every error (not just the first) so that every reachable pattern is recorded.
        return {case["id"]: not list(validators[(case["spec"], case["schema"], case.get("direction", "any"))].iter_errors(case["instance"]))
                for case in cases}

    # Pass 1 records the (pattern, string) pairs, node evaluates them in one run, pass 2 uses
    # the results. Another round is needed only when a pattern failing in pass 2 sends
    # anyOf/oneOf into a branch pass 1 never reached; loop until nothing new turns up.
    verdicts = validate_all()
    rounds = 0
    while engine.resolve_pending():
        rounds += 1
        if rounds > 10:
            fail(EXIT_CORPUS, "pattern evaluation did not settle")
        verdicts = validate_all()

    tools = {"jsonschema": _version("jsonschema"), "node": node}
    json.dump({"verdicts": verdicts, "tools": tools}, sys.stdout, sort_keys=True, indent=2)
    sys.stdout.write("\n")


def _version(package: str) -> str:
    from importlib.metadata import version
    return version(package)


if __name__ == "__main__":
    main()
