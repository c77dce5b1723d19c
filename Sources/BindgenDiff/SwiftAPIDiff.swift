import BindgenCore
import OpenAPIModel
import YAMLParsing

/// Source compatibility of the generated Swift bindings: both specs are translated in memory and
/// the Swift surfaces of the two binding models (`SwiftSurface`: types, properties, initializers,
/// enum cases, client methods with their labels, and the headers structs and body enums
/// operations declare) compared; nothing is rendered. A change that
/// makes existing Swift code stop compiling is breaking; an added enum case is a warning (it
/// breaks exhaustive `switch`es); everything else added is info.
public struct SwiftAPIDiff {
    let old: SwiftSurface
    let new: SwiftSurface
    let oldDocument: OpenAPIDocument
    let newDocument: OpenAPIDocument
    var changes: [APIChange] = []

    /// The Swift-level changes from `old` to `new` (the modules translated from `oldDocument` and
    /// `newDocument`, which locate each finding), in the order found; `APIDiff` sorts them.
    public static func compare(old: BindingModule, new: BindingModule, oldDocument: OpenAPIDocument, newDocument: OpenAPIDocument) -> [APIChange] {
        compare(old: SwiftSurface(module: old), new: SwiftSurface(module: new), oldDocument: oldDocument, newDocument: newDocument)
    }

    /// The Swift-level changes between two surfaces.
    static func compare(old: SwiftSurface, new: SwiftSurface, oldDocument: OpenAPIDocument, newDocument: OpenAPIDocument) -> [APIChange] {
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

    mutating func run() {
        let oldTypes = Dictionary(old.types.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for type in new.types {
            guard let previous = oldTypes[type.path] else {
                add(.typeAdded, "new type `\(type.path)`", pointer: type.sourcePointer)
                continue
            }
            compareType(previous, type)
        }
        let newPaths = Set(new.types.map(\.path))
        for type in old.types where !newPaths.contains(type.path) {
            add(.typeRemoved, "type `\(type.path)` was removed: code that uses it stops compiling", pointer: type.sourcePointer, removed: true)
        }
        compareClient()
        compareOperationTypes()
    }

    /// The types operations declare (headers struct, success and request body enums), where both
    /// surfaces have the same one: a header property, a status case or a media-type case added,
    /// removed or retyped. One that appears or goes away changes the methods' result or body
    /// parameter type, which `compareClient` reports.
    mutating func compareOperationTypes() {
        let oldOperations = Dictionary(old.client.groups.flatMap(\.operations).map { ($0.operationID, $0) }, uniquingKeysWith: { first, _ in first })
        for operation in new.client.groups.flatMap(\.operations) {
            guard let previous = oldOperations[operation.operationID] else { continue }
            let oldTypes = Dictionary(previous.ownTypes.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            for type in operation.ownTypes {
                if let before = oldTypes[type.path] { compareType(before, type) }
            }
        }
    }

    mutating func compareType(_ a: TypeSurface, _ b: TypeSurface) {
        let path = b.path, pointer = b.sourcePointer
        guard a.kind == b.kind else {
            add(.typeKindChanged, "`\(path)` changed kind (struct, enum or typealias)", pointer: pointer)
            return
        }
        switch b.kind {
        case .structure:
            let oldProperties = Dictionary(a.members.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            for property in b.members {
                let type = property.type ?? ""
                guard let previous = oldProperties[property.name] else {
                    add(.propertyAdded, "new property `\(path).\(property.name): \(type)`", pointer: pointer)
                    continue
                }
                let previousType = previous.type ?? ""
                if previousType != type {
                    add(.propertyTypeChanged, "`\(path).\(property.name)` changed type from `\(previousType)` to `\(type)`", pointer: pointer)
                }
            }
            let names = Set(b.members.map(\.name))
            for property in a.members where !names.contains(property.name) {
                add(.propertyRemoved, "property `\(path).\(property.name)` was removed: code that reads it stops compiling", pointer: pointer)
            }
            if let x = a.initializer, let y = b.initializer {
                compareCallable("`\(path).init`", x, y, pointer: pointer)
            }
        case .enumeration, .union:
            // A union is a Swift enum too: a new case breaks exhaustive `switch`es (a warning: old
            // code that has a `default` keeps compiling, and `unknown` keeps old clients decoding).
            let oldCases = Dictionary(a.members.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            let newNames = Set(b.members.map(\.name))
            for member in b.members {
                guard let previous = oldCases[member.name] else {
                    let payload = member.type.map { "(\($0))" } ?? ""
                    add(.enumCaseAdded, "new case `\(path).\(member.name)\(payload)`: exhaustive `switch`es over `\(path)` need it", pointer: pointer)
                    continue
                }
                if let type = member.type, let previousType = previous.type, previousType != type {
                    add(.propertyTypeChanged, "case `\(path).\(member.name)` changed payload from `\(previousType)` to `\(type)`", pointer: pointer)
                }
            }
            for member in a.members where !newNames.contains(member.name) {
                add(.enumCaseRemoved, "case `\(path).\(member.name)` was removed: code that names it stops compiling", pointer: pointer)
            }
        case .alias:
            if a.aliasTarget != b.aliasTarget {
                add(.typealiasChanged, "`\(path)` changed from `\(a.aliasTarget ?? "")` to `\(b.aliasTarget ?? "")`", pointer: pointer)
            }
        }
    }

    /// Existing calls keep compiling when every new required parameter existed before (same
    /// label and type), and every old parameter still exists with the same type. A parameter's
    /// type is compared without the `?` that makes an argument omittable
    /// (`SurfaceParameter.type`): `trace: String? = nil` becoming `trace: String` is an argument
    /// that became required, not a new type.
    mutating func compareCallable(_ name: String, _ a: SurfaceSignature, _ b: SurfaceSignature, pointer: String) {
        guard a != b else { return }
        let oldByLabel = Dictionary(a.parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newByLabel = Dictionary(b.parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var breaking = false
        for parameter in b.parameters {
            if let previous = oldByLabel[parameter.name] {
                if previous.type != parameter.type {
                    add(.parameterTypeChanged, "\(name): argument `\(parameter.name):` changed type from `\(previous.type)` to `\(parameter.type)`", pointer: pointer)
                    breaking = true
                } else if parameter.isRequired && !previous.isRequired {
                    add(.argumentBecameRequired, "\(name) requires the argument `\(parameter.name):`: calls that omit it stop compiling", pointer: pointer)
                    breaking = true
                } else if !parameter.isRequired && previous.isRequired {
                    add(.argumentBecameOptional, "\(name) no longer requires `\(parameter.name):`", pointer: pointer)
                }
            } else if parameter.isRequired {
                add(.requiredArgumentAdded, "\(name) requires the new argument `\(parameter.name):`: existing calls stop compiling", pointer: pointer)
                breaking = true
            } else {
                add(.optionalArgumentAdded, "\(name) takes the new optional argument `\(parameter.name):`", pointer: pointer)
            }
        }
        for parameter in a.parameters where newByLabel[parameter.name] == nil {
            add(.argumentRemoved, "\(name) no longer takes `\(parameter.name):`: calls that pass it stop compiling", pointer: pointer)
            breaking = true
        }
        if a.result != b.result {
            add(.resultTypeChanged, "\(name) now returns `\(b.resultText)` instead of `\(a.resultText)`", pointer: pointer)
            breaking = true
        }
        // Same labels, types and results but a different order: calls stop compiling.
        if !breaking, a.parameters.map(\.name).filter({ newByLabel[$0] != nil }) != b.parameters.map(\.name).filter({ oldByLabel[$0] != nil }) {
            add(.argumentOrderChanged, "\(name) takes its arguments in another order", pointer: pointer)
        }
    }

    func operationPointer(_ operation: OperationSurface, in document: OpenAPIDocument) -> String {
        document.operations.first { $0.path == operation.pathTemplate && $0.method == operation.httpMethod }?.operation.pointer.description ?? ""
    }

    /// A client method as the diff names it (`client.v202203.getItem`), with its operation.
    struct Method {
        var name: String
        var operation: OperationSurface
        var kind: OperationSurface.Method
        var signature: SurfaceSignature
    }

    static func methods(_ surface: SwiftSurface) -> [Method] {
        surface.client.groups.flatMap { group in
            group.operations.flatMap { operation in
                operation.comparedMethods.map { Method(name: group.methodPrefix + $0.signature.name, operation: operation, kind: $0.method, signature: $0.signature) }
            }
        }
    }

    mutating func compareClient() {
        let oldMethods = Dictionary(Self.methods(old).map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newMethods = Self.methods(new)
        // The whole-response and pages methods take the one-line call's arguments: a new or removed
        // operation, and argument changes, are reported once, on the one-line call.
        let oldOperations = Set(old.client.groups.flatMap(\.operations).map(\.operationID))
        let newOperations = Set(new.client.groups.flatMap(\.operations).map(\.operationID))
        for method in newMethods {
            let pointer = operationPointer(method.operation, in: newDocument)
            guard let previous = oldMethods[method.name] else {
                if method.kind == .call || oldOperations.contains(method.operation.operationID) { add(.methodAdded, "new method `\(method.name)`", pointer: pointer) }
                continue
            }
            let (a, b) = (previous.signature, method.signature)
            if method.kind == .call || previous.kind == .call {
                compareCallable("`\(method.name)`", a, b, pointer: pointer)
            } else if a.result != b.result {
                add(.resultTypeChanged, "`\(method.name)` now returns `\(b.resultText)` instead of `\(a.resultText)`", pointer: pointer)
            }
        }
        let newNames = Set(newMethods.map(\.name))
        for method in Self.methods(old) where !newNames.contains(method.name) {
            guard method.kind == .call || newOperations.contains(method.operation.operationID) else { continue }
            add(.methodRemoved, "method `\(method.name)` was removed: calls to it stop compiling", pointer: operationPointer(method.operation, in: oldDocument), removed: true)
        }
        let oldCredentials = Set(old.client.credentials.map(\.name))
        for credential in new.client.credentials where !oldCredentials.contains(credential.name) && credential.isRequiredEverywhere {
            add(.clientInitChanged, "`\(new.client.name).init` requires the new credential `\(credential.name):`",
                pointer: "/components/securitySchemes/" + JSONPointer.escape(credential.schemeName))
        }
    }
}
