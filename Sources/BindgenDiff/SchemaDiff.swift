import BindgenCore
import OpenAPIModel
import YAMLParsing

/// Compares two schemas in one direction: a request schema (what clients send) or a response
/// schema (what clients receive). Tightening what clients may send breaks them; loosening what
/// they may receive can.
struct SchemaDiff {
    typealias Direction = DiffDirection

    let old: OpenAPIDocument
    let new: OpenAPIDocument
    /// Where the schema is used: the rule IDs' prefix and the direction.
    let site: SchemaSite
    var direction: Direction { site.direction }
    let operation: String?
    var changes: [APIChange] = []
    /// Pairs of schema pointers already compared (recursive schemas).
    private var visited: Set<String> = []
    /// Comparison is recursive and follows `$ref`s into components, so a chain of components
    /// nesting each other could go arbitrarily deep: beyond `maxDepth` levels it stops, with one
    /// warning-level change saying so (`GenerationLimits.maxDepth`).
    let maxDepth: Int
    private var depth = 0
    private var depthReported = false

    init(old: OpenAPIDocument, new: OpenAPIDocument, site: SchemaSite, operation: String?, maxDepth: Int = GenerationLimits().maxDepth) {
        self.old = old
        self.new = new
        self.site = site
        self.operation = operation
        self.maxDepth = maxDepth
    }

    /// Records a finding; `severity` defaults to the rule's one severity in this direction.
    mutating func add(_ rule: SchemaRule, severity: APIChange.Severity? = nil, _ message: String, at schema: Schema, in document: OpenAPIDocument) {
        let severities = rule.severities(direction)
        changes.append(APIChange(severity: severity ?? severities[0], rule: .schema(rule, at: site), operation: operation, message: message,
                                 pointer: document.location(of: schema.pointer).pointer.description, file: document.location(of: schema.pointer).file, mark: schema.mark))
    }

    /// `path` names the value for messages (`/accountNumber`).
    mutating func compare(_ oldSchema: Schema, _ newSchema: Schema, path: String) {
        guard let a = old.resolved(oldSchema), let b = new.resolved(newSchema) else { return }
        guard visited.insert(a.pointer.description + "|" + b.pointer.description).inserted else { return }
        if depth >= maxDepth {
            if !depthReported {
                depthReported = true
                add(.depthLimit, "'\(path)' nests deeper than \(maxDepth) levels (limits.maxDepth); deeper changes are not compared", at: b, in: new)
            }
            return
        }
        depth += 1
        defer { depth -= 1 }
        let name = path.isEmpty ? "the \(direction.rawValue) body" : "'\(path)'"
        let request = direction == .request

        if let oldTypes = a.nonNullTypes, let newTypes = b.nonNullTypes, Set(oldTypes) != Set(newTypes) {
            let widened = Set(oldTypes).isSubset(of: Set(newTypes)) || (oldTypes == [.integer] && newTypes == [.number])
            let severity: APIChange.Severity = widened ? (request ? .info : .breaking) : .breaking
            add(.typeChanged, severity: severity, "\(name) changed type from \(oldTypes.map(\.rawValue).joined(separator: "|")) to \(newTypes.map(\.rawValue).joined(separator: "|"))", at: b, in: new)
        }
        if a.format != b.format {
            add(.formatChanged, "\(name) changed format from \(a.format ?? "none") to \(b.format ?? "none")", at: b, in: new)
        }
        if a.allowsNull != b.allowsNull {
            let becameNullable = b.allowsNull
            add(becameNullable ? .becameNullable : .becameNonNullable,
                "\(name) \(becameNullable ? "may now be null" : "may no longer be null")", at: b, in: new)
        }
        compareEnums(a, b, name: name)
        compareConstraints(a, b, name: name)
        compareProperties(a, b, path: path)
        if let oldItems = a.items, let newItems = b.items {
            compare(oldItems, newItems, path: path + "/items")
        }
        if let oldValues = additional(a), let newValues = additional(b) {
            compare(oldValues, newValues, path: path + "/*")
        }
        if a.allOf.count != b.allOf.count {
            add(.allOfChanged, "\(name)'s allOf went from \(a.allOf.count) to \(b.allOf.count) schemas", at: b, in: new)
        }
        compareUnions(a, b, name: name, path: path)
        for (x, y) in zip(a.allOf, b.allOf) { compare(x, y, path: path) }
        if (a.not == nil) != (b.not == nil) {
            // `not` added excludes values that were allowed: a tightening.
            let added = b.not != nil
            add(added ? .notAdded : .notRemoved, "\(name) \(added ? "now excludes" : "no longer excludes") values matching a 'not' schema", at: b, in: new)
        }
    }

    private func additional(_ schema: Schema) -> Schema? {
        if case .schema(let values)? = schema.additionalProperties { return values }
        return nil
    }

    private mutating func compareEnums(_ a: Schema, _ b: Schema, name: String) {
        let oldValues = (a.enumValues ?? []).compactMap(\.scalar?.text)
        let newValues = (b.enumValues ?? []).compactMap(\.scalar?.text)
        guard a.enumValues != nil || b.enumValues != nil else { return }
        if a.enumValues == nil {
            add(.enumAdded, "\(name) is now restricted to \(newValues.count) values", at: b, in: new)
            return
        }
        if b.enumValues == nil {
            add(.enumRemoved, "\(name) is no longer restricted to listed values", at: b, in: new)
            return
        }
        for value in newValues where !oldValues.contains(value) {
            // Generated Swift enums are open (`.unknown(raw)`): for them an added response value is harmless.
            add(.enumValueAdded,
                "\(name) gained the value '\(value)'" + (direction == .response ? " (clients with closed enums may fail; the generated Swift enum is open)" : ""),
                at: b, in: new)
        }
        for value in oldValues where !newValues.contains(value) {
            add(.enumValueRemoved, "\(name) lost the value '\(value)'", at: b, in: new)
        }
    }

    /// For each bound: `true` when the new value accepts less than the old (tightened).
    private mutating func compareConstraints(_ a: Schema, _ b: Schema, name: String) {
        func report(_ keyword: ConstraintKeyword, tightened: Bool, old: String, new newValue: String) {
            // Tightening what clients send breaks them; loosening what they receive may (`SchemaRule.severities`).
            add(tightened ? .tightened(keyword) : .loosened(keyword), "\(name)'s \(keyword.rawValue) went from \(old) to \(newValue)", at: b, in: new)
        }
        func text(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        }
        func lower(_ keyword: ConstraintKeyword, _ x: Double?, _ y: Double?) {  // a minimum: higher is tighter
            switch (x, y) {
            case let (x?, y?) where x != y: report(keyword, tightened: y > x, old: text(x), new: text(y))
            case (nil, let y?): report(keyword, tightened: true, old: "none", new: text(y))
            case (let x?, nil): report(keyword, tightened: false, old: text(x), new: "none")
            default: break
            }
        }
        func upper(_ keyword: ConstraintKeyword, _ x: Double?, _ y: Double?) {  // a maximum: lower is tighter
            switch (x, y) {
            case let (x?, y?) where x != y: report(keyword, tightened: y < x, old: text(x), new: text(y))
            case (nil, let y?): report(keyword, tightened: true, old: "none", new: text(y))
            case (let x?, nil): report(keyword, tightened: false, old: text(x), new: "none")
            default: break
            }
        }
        lower(.minLength, a.minLength.map(Double.init), b.minLength.map(Double.init))
        upper(.maxLength, a.maxLength.map(Double.init), b.maxLength.map(Double.init))
        lower(.minimum, a.minimum?.value, b.minimum?.value)
        upper(.maximum, a.maximum?.value, b.maximum?.value)
        lower(.exclusiveMinimum, a.exclusiveMinimum?.value, b.exclusiveMinimum?.value)
        upper(.exclusiveMaximum, a.exclusiveMaximum?.value, b.exclusiveMaximum?.value)
        lower(.minItems, a.minItems.map(Double.init), b.minItems.map(Double.init))
        upper(.maxItems, a.maxItems.map(Double.init), b.maxItems.map(Double.init))
        lower(.minProperties, a.minProperties.map(Double.init), b.minProperties.map(Double.init))
        upper(.maxProperties, a.maxProperties.map(Double.init), b.maxProperties.map(Double.init))
        if a.multipleOf?.text != b.multipleOf?.text {
            report(.multipleOf, tightened: b.multipleOf != nil, old: a.multipleOf?.text ?? "none", new: b.multipleOf?.text ?? "none")
        }
        if a.uniqueItems != b.uniqueItems {
            report(.uniqueItems, tightened: b.uniqueItems, old: String(a.uniqueItems), new: String(b.uniqueItems))
        }
        if a.pattern != b.pattern {
            // A changed pattern can accept less: treat it as tightened unless it was removed.
            report(.pattern, tightened: b.pattern != nil, old: a.pattern ?? "none", new: b.pattern ?? "none")
        }
        let oldClosed = a.additionalProperties == .allowed(false), newClosed = b.additionalProperties == .allowed(false)
        if oldClosed != newClosed {
            report(.additionalProperties, tightened: newClosed, old: oldClosed ? "false" : "allowed", new: newClosed ? "false" : "allowed")
        }
    }

    private mutating func compareProperties(_ a: Schema, _ b: Schema, path: String) {
        let oldProperties = Dictionary(a.properties.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
        for (name, schema) in b.properties.map({ ($0.name, $0.schema) }) {
            let property = path + "/" + name
            let required = b.required.contains(name)
            if let previous = oldProperties[name] {
                let wasRequired = a.required.contains(name)
                if required != wasRequired {
                    if required {
                        add(.propertyBecameRequired, "'\(property)' became required", at: schema, in: new)
                    } else {
                        add(.propertyBecameOptional, "'\(property)' became optional", at: schema, in: new)
                    }
                }
                compareAccess(previous, schema, property: property, required: required)
                compare(previous, schema, path: property)
            } else if required {
                add(.propertyRequiredAdded, "new required property '\(property)'", at: schema, in: new)
            } else {
                add(.propertyAdded, "new optional property '\(property)'", at: schema, in: new)
            }
        }
        let newNames = Set(b.properties.map(\.name))
        for property in a.properties where !newNames.contains(property.name) {
            add(.propertyRemoved, "property '\(path)/\(property.name)' was removed", at: property.schema, in: old)
        }
    }

    /// `readOnly`/`writeOnly` added or removed on a property (OpenAPI 3.0.3 §4.7.24): which way
    /// the value travels changed. In requests, a new `readOnly` means the server ignores what
    /// clients send (a warning), and dropping `readOnly` from a required property makes clients
    /// send it (breaking). In responses, a new `writeOnly` means the server stops returning it (breaking).
    private mutating func compareAccess(_ oldSchema: Schema, _ newSchema: Schema, property: String, required: Bool) {
        let a = old.resolved(oldSchema) ?? oldSchema, b = new.resolved(newSchema) ?? newSchema
        let wasReadOnly = oldSchema.readOnly || a.readOnly, isReadOnly = newSchema.readOnly || b.readOnly
        let wasWriteOnly = oldSchema.writeOnly || a.writeOnly, isWriteOnly = newSchema.writeOnly || b.writeOnly
        if isReadOnly, !wasReadOnly { add(.becameReadOnly, "'\(property)' became readOnly (sent by the server only)", at: newSchema, in: new) }
        if wasReadOnly, !isReadOnly {
            let severity: APIChange.Severity = direction == .request && required ? .breaking : .info
            add(.noLongerReadOnly, severity: severity, "'\(property)' is no longer readOnly" + (required ? " (now required in requests too)" : ""), at: newSchema, in: new)
        }
        if isWriteOnly, !wasWriteOnly { add(.becameWriteOnly, "'\(property)' became writeOnly (no longer returned by the server)", at: newSchema, in: new) }
        if wasWriteOnly, !isWriteOnly { add(.noLongerWriteOnly, "'\(property)' is no longer writeOnly", at: newSchema, in: new) }
    }
}
