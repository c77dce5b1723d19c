import OpenAPIModel
import YAMLParsing

/// Source compatibility of the generated Swift bindings: both specs are translated in memory and
/// the public API of the two binding models compared (types, properties, initializers, enum
/// cases, client methods with their labels). A change that makes existing Swift code stop
/// compiling is breaking; an added enum case is a warning (it breaks exhaustive `switch`es);
/// everything else added is info.
public struct SwiftAPIDiff {
    /// A callable: labels with types, which are required, and the result.
    struct Signature: Equatable {
        var parameters: [(label: String, type: String, required: Bool)]
        var result: String

        static func == (lhs: Signature, rhs: Signature) -> Bool {
            lhs.result == rhs.result && lhs.parameters.elementsEqual(rhs.parameters, by: { $0 == $1 })
        }
    }

    let old: BindingModule
    let new: BindingModule
    let oldDocument: OpenAPIDocument
    let newDocument: OpenAPIDocument
    var changes: [APIChange] = []

    public static func compare(old: BindingModule, new: BindingModule, oldDocument: OpenAPIDocument, newDocument: OpenAPIDocument) -> [APIChange] {
        var diff = SwiftAPIDiff(old: old, new: new, oldDocument: oldDocument, newDocument: newDocument)
        diff.run()
        return diff.changes
    }

    mutating func add(_ rule: SwiftRule, _ message: String, pointer: String, removed: Bool = false) {
        let document = removed ? oldDocument : newDocument
        let mark = JSONPointer(pointer).flatMap { document.root.node(at: $0) }?.mark
        changes.append(APIChange(layer: .swift, severity: rule.severity, rule: .swift(rule), operation: nil, message: message,
                                 pointer: pointer, file: JSONPointer(pointer).map { document.location(of: $0).file } ?? document.file, mark: mark))
    }

    func flatten(_ types: [TypeDeclaration], prefix: String = "") -> [(path: String, declaration: TypeDeclaration)] {
        types.flatMap { declaration -> [(String, TypeDeclaration)] in
            let path = prefix.isEmpty ? declaration.name : prefix + "." + declaration.name
            return [(path, declaration)] + flatten(declaration.nested, prefix: path)
        }
    }

    func swiftType(_ type: TypeReference) -> String {
        SwiftRenderer(module: new).swiftType(type)
    }

    mutating func run() {
        let oldTypes = Dictionary(flatten(old.types), uniquingKeysWith: { first, _ in first })
        let newTypes = flatten(new.types)
        for (path, declaration) in newTypes {
            guard let previous = oldTypes[path] else {
                add(.typeAdded, "new type `\(path)`", pointer: declaration.sourcePointer)
                continue
            }
            compareType(path, previous, declaration)
        }
        let newPaths = Set(newTypes.map(\.path))
        for (path, declaration) in flatten(old.types) where !newPaths.contains(path) {
            add(.typeRemoved, "type `\(path)` was removed: code that uses it stops compiling", pointer: declaration.sourcePointer, removed: true)
        }
        compareClient()
    }

    mutating func compareType(_ path: String, _ a: TypeDeclaration, _ b: TypeDeclaration) {
        let pointer = b.sourcePointer
        switch (a.kind, b.kind) {
        case (.structure(let x), .structure(let y)):
            let oldProperties = Dictionary(x.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for property in y {
                let type = propertyTypeText(property)
                guard let previous = oldProperties[property.name] else {
                    add(.propertyAdded, "new property `\(path).\(property.name): \(type)`", pointer: pointer)
                    continue
                }
                let previousType = propertyTypeText(previous)
                if previousType != type {
                    add(.propertyTypeChanged, "`\(path).\(property.name)` changed type from `\(previousType)` to `\(type)`", pointer: pointer)
                }
            }
            let names = Set(y.map(\.name))
            for property in x where !names.contains(property.name) {
                add(.propertyRemoved, "property `\(path).\(property.name)` was removed: code that reads it stops compiling", pointer: pointer)
            }
            compareCallable("`\(path).init`", initializer(x), initializer(y), pointer: pointer)
        case (.enumeration(_, let x), .enumeration(_, let y)):
            let oldCases = Set(x.map(\.name)), newCases = Set(y.map(\.name))
            for name in y.map(\.name) where !oldCases.contains(name) {
                add(.enumCaseAdded, "new case `\(path).\(name)`: exhaustive `switch`es over `\(path)` need it", pointer: pointer)
            }
            for name in x.map(\.name) where !newCases.contains(name) {
                add(.enumCaseRemoved, "case `\(path).\(name)` was removed: code that names it stops compiling", pointer: pointer)
            }
        case (.union(let x), .union(let y)):
            // A union is a Swift enum: a new case breaks exhaustive `switch`es (a warning: old code
            // that has a `default` keeps compiling, and `unknown` keeps old clients decoding).
            let oldCases = Dictionary(x.alternatives.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let newNames = Set(y.alternatives.map(\.name))
            for alternative in y.alternatives {
                guard let previous = oldCases[alternative.name] else {
                    add(.enumCaseAdded, "new case `\(path).\(alternative.name)(\(swiftType(alternative.type)))`: exhaustive `switch`es over `\(path)` need it", pointer: pointer)
                    continue
                }
                if previous.type != alternative.type {
                    add(.propertyTypeChanged, "case `\(path).\(alternative.name)` changed payload from `\(swiftType(previous.type))` to `\(swiftType(alternative.type))`", pointer: pointer)
                }
            }
            for alternative in x.alternatives where !newNames.contains(alternative.name) {
                add(.enumCaseRemoved, "case `\(path).\(alternative.name)` was removed: code that names it stops compiling", pointer: pointer)
            }
        case (.alias(let x), .alias(let y)):
            if x != y {
                add(.typealiasChanged, "`\(path)` changed from `\(swiftType(x))` to `\(swiftType(y))`", pointer: pointer)
            }
        default:
            add(.typeKindChanged, "`\(path)` changed kind (struct, enum or typealias)", pointer: pointer)
        }
    }

    func initializer(_ properties: [Property]) -> Signature {
        let ordered = properties.filter { $0.isRequired } + properties.filter { !$0.isRequired }
        return Signature(parameters: ordered.map { ($0.name, propertyTypeText($0), $0.isRequired) }, result: "")
    }

    /// The property's declared Swift type (`String?`, `Nullable<String>?`).
    func propertyTypeText(_ property: Property) -> String {
        property.isTriState ? "Nullable<\(swiftType(property.type))>?" : swiftType(property.type) + (property.isOptional ? "?" : "")
    }

    /// Existing calls keep compiling when every new required parameter existed before (same
    /// label and type), and every old parameter still exists with the same type.
    mutating func compareCallable(_ name: String, _ a: Signature, _ b: Signature, pointer: String) {
        guard a != b else { return }
        let oldByLabel = Dictionary(a.parameters.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        let newByLabel = Dictionary(b.parameters.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        var breaking = false
        for parameter in b.parameters {
            if let previous = oldByLabel[parameter.label] {
                if previous.type != parameter.type {
                    add(.parameterTypeChanged, "\(name): argument `\(parameter.label):` changed type from `\(previous.type)` to `\(parameter.type)`", pointer: pointer)
                    breaking = true
                } else if parameter.required && !previous.required {
                    add(.argumentBecameRequired, "\(name) requires the argument `\(parameter.label):`: calls that omit it stop compiling", pointer: pointer)
                    breaking = true
                } else if !parameter.required && previous.required {
                    add(.argumentBecameOptional, "\(name) no longer requires `\(parameter.label):`", pointer: pointer)
                }
            } else if parameter.required {
                add(.requiredArgumentAdded, "\(name) requires the new argument `\(parameter.label):`: existing calls stop compiling", pointer: pointer)
                breaking = true
            } else {
                add(.optionalArgumentAdded, "\(name) takes the new optional argument `\(parameter.label):`", pointer: pointer)
            }
        }
        for parameter in a.parameters where newByLabel[parameter.label] == nil {
            add(.argumentRemoved, "\(name) no longer takes `\(parameter.label):`: calls that pass it stop compiling", pointer: pointer)
            breaking = true
        }
        if a.result != b.result {
            add(.resultTypeChanged, "\(name) now returns `\(b.result)` instead of `\(a.result)`", pointer: pointer)
            breaking = true
        }
        // Same labels, types and results but a different order: calls stop compiling.
        if !breaking, a.parameters.map(\.label).filter({ newByLabel[$0] != nil }) != b.parameters.map(\.label).filter({ oldByLabel[$0] != nil }) {
            add(.argumentOrderChanged, "\(name) takes its arguments in another order", pointer: pointer)
        }
    }

    func signature(_ operation: OperationDeclaration) -> Signature {
        var parameters = operation.parameters.map { ($0.name, swiftType($0.type), $0.isRequired) }
        if let body = operation.requestBody { parameters.append(("body", swiftType(body.type), body.isRequired)) }
        let result = operation.success.type.map { swiftType($0) + (operation.success.isOptional ? "?" : "") } ?? "Void"
        return Signature(parameters: parameters, result: result)
    }

    func operationPointer(_ operation: OperationDeclaration, in document: OpenAPIDocument) -> String {
        document.operations.first { $0.path == operation.pathTemplate && $0.method == operation.httpMethod }?.operation.pointer.description ?? ""
    }

    /// A generated method: the one-line call, the whole-response, pages or streamed-body method.
    enum MethodKind { case call, response, pages, stream }

    /// The signature of one of an operation's methods; `renderer` spells the types.
    func signature(_ operation: OperationDeclaration, _ kind: MethodKind, renderer: SwiftRenderer) -> Signature {
        var result = signature(operation)
        switch kind {
        case .call: break
        case .response: result.result = renderer.responseType(operation)
        case .stream: result.result = renderer.streamResponseType(operation)
        case .pages:
            result.parameters.removeAll { $0.label == operation.paging?.pageNumberParameter }
            result.result = "PageSequence<\(renderer.responseType(operation))>"
        }
        return result
    }

    mutating func compareClient() {
        func methods(_ module: BindingModule) -> [(String, OperationDeclaration, MethodKind)] {
            module.client.groups.flatMap { group in
                group.operations.flatMap { operation -> [(String, OperationDeclaration, MethodKind)] in
                    let prefix = "client." + (group.accessorName.map { $0 + "." } ?? "")
                    var result = [(prefix + operation.methodName, operation, MethodKind.call)]
                    if !operation.responseMethodName.isEmpty { result.append((prefix + operation.responseMethodName, operation, .response)) }
                    if let paging = operation.paging { result.append((prefix + paging.methodName, operation, .pages)) }
                    if let stream = operation.streamMethodName { result.append((prefix + stream, operation, .stream)) }
                    return result
                }
            }
        }
        let oldRenderer = SwiftRenderer(module: old), newRenderer = SwiftRenderer(module: new)
        let oldMethods = Dictionary(methods(old).map { ($0.0, ($0.1, $0.2)) }, uniquingKeysWith: { first, _ in first })
        let newMethods = methods(new)
        // The whole-response and pages methods take the one-line call's arguments: a new or removed
        // operation, and argument changes, are reported once, on the one-line call.
        let oldOperations = Set(old.client.groups.flatMap(\.operations).map(\.operationID))
        let newOperations = Set(new.client.groups.flatMap(\.operations).map(\.operationID))
        for (name, operation, kind) in newMethods {
            let pointer = operationPointer(operation, in: newDocument)
            guard let (previous, previousKind) = oldMethods[name] else {
                if kind == .call || oldOperations.contains(operation.operationID) { add(.methodAdded, "new method `\(name)`", pointer: pointer) }
                continue
            }
            let (a, b) = (signature(previous, previousKind, renderer: oldRenderer), signature(operation, kind, renderer: newRenderer))
            if kind == .call || previousKind == .call {
                compareCallable("`\(name)`", a, b, pointer: pointer)
            } else if a.result != b.result {
                add(.resultTypeChanged, "`\(name)` now returns `\(b.result)` instead of `\(a.result)`", pointer: pointer)
            }
        }
        let newNames = Set(newMethods.map(\.0))
        for (name, operation, kind) in methods(old) where !newNames.contains(name) {
            guard kind == .call || newOperations.contains(operation.operationID) else { continue }
            add(.methodRemoved, "method `\(name)` was removed: calls to it stop compiling", pointer: operationPointer(operation, in: oldDocument), removed: true)
        }
        let oldCredentials = Set(old.client.credentials.map(\.propertyName))
        for credential in new.client.credentials where !oldCredentials.contains(credential.propertyName) && credential.isRequiredEverywhere {
            add(.clientInitChanged, "`\(new.client.name).init` requires the new credential `\(credential.propertyName):`",
                pointer: "/components/securitySchemes/" + JSONPointer.escape(credential.schemeName))
        }
    }
}
