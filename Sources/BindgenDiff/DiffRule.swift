import BindgenCore
/// Every rule `api-bindgen diff` applies, each with a stable ID (README "Diff rules";
/// `api-bindgen diff --list-rules` prints this table). An ID never changes meaning; a new check
/// gets a new ID.
///
/// - `wire(_:)`: the HTTP API as any client sees it (operations, parameters, bodies, statuses,
///   media types, security).
/// - `schema(_:at:)`: a schema change, classified by where the schema is used: what clients
///   send (`request-…`, `parameter-…`) or what they receive (`response-…`). Tightening what
///   clients send breaks them; loosening what they receive may.
/// - `swift(_:)`: the generated Swift API (`swift-…`): what stops existing code compiling.
public indirect enum DiffRule: Hashable, Sendable, CustomStringConvertible {
    case wire(WireRule)
    case schema(SchemaRule, at: SchemaSite)
    case swift(SwiftRule)
    /// A wire or schema finding of a new operation version against the version it succeeds
    /// (`new-version-<rule>`): always info, since the previous version still serves existing clients.
    case newVersion(DiffRule)

    /// The stable ID, e.g. `operation-removed`, `request-property-required-added`, `swift-method-removed`.
    public var id: String {
        switch self {
        case .wire(let rule): return rule.rawValue
        case .schema(let rule, let site): return site.rawValue + "-" + rule.id
        case .swift(let rule): return "swift-" + rule.rawValue
        case .newVersion(let rule): return "new-version-" + rule.id
        }
    }

    public var description: String { id }

    public var layer: APIChange.Layer {
        if case .swift = self { return .swift }
        return .wire
    }

    /// The severities a finding of this rule can have, most severe first (several where the
    /// severity depends on the change itself, e.g. a widened or a narrowed type).
    public var severities: [APIChange.Severity] {
        switch self {
        case .wire(let rule): return rule.severities
        case .schema(let rule, let site): return rule.severities(site.direction)
        case .swift(let rule): return [rule.severity]
        case .newVersion: return [.info]
        }
    }

    /// `request`, `response`, or nil where the rule is not about one direction.
    public var direction: DiffDirection? {
        switch self {
        case .wire(let rule): return rule.direction
        case .schema(_, let site): return site.direction
        case .swift: return nil
        case .newVersion(let rule): return rule.direction
        }
    }

    /// Every rule, wire first, in a fixed order (`newVersion` of any wire or schema rule aside).
    public static let all: [DiffRule] =
        WireRule.allCases.map(DiffRule.wire)
        + SchemaSite.allCases.flatMap { site in SchemaRule.allCases.map { DiffRule.schema($0, at: site) } }
        + SwiftRule.allCases.map(DiffRule.swift)
}

/// What a rule is about: what clients send, or what they receive.
public enum DiffDirection: String, Sendable {
    case request, response
}

/// Wire rules about operations, parameters, bodies, statuses, media types and security.
public enum WireRule: String, CaseIterable, Sendable {
    case operationAdded = "operation-added"
    case operationRemoved = "operation-removed"
    case operationNewVersion = "operation-new-version"
    case operationMoved = "operation-moved"
    case operationPathChanged = "operation-path-changed"
    case operationDeprecated = "operation-deprecated"
    case parameterAdded = "parameter-added"
    case parameterRequiredAdded = "parameter-required-added"
    case parameterRemoved = "parameter-removed"
    case parameterBecameRequired = "parameter-became-required"
    case parameterBecameOptional = "parameter-became-optional"
    case parameterLocationChanged = "parameter-location-changed"
    case parameterStyleChanged = "parameter-style-changed"
    case parameterAllowReservedChanged = "parameter-allow-reserved-changed"
    case requestEncodingChanged = "request-encoding-changed"
    case requestPartHeaderAdded = "request-part-header-added"
    case requestPartHeaderRequiredAdded = "request-part-header-required-added"
    case requestPartHeaderRemoved = "request-part-header-removed"
    case requestBodyAdded = "request-body-added"
    case requestBodyRequiredAdded = "request-body-required-added"
    case requestBodyRemoved = "request-body-removed"
    case requestBodyBecameRequired = "request-body-became-required"
    case requestBodyBecameOptional = "request-body-became-optional"
    case requestMediaTypeAdded = "request-media-type-added"
    case requestMediaTypeRemoved = "request-media-type-removed"
    case responseMediaTypeAdded = "response-media-type-added"
    case responseMediaTypeRemoved = "response-media-type-removed"
    case responseStatusAdded = "response-status-added"
    case responseSuccessStatusAdded = "response-success-status-added"
    case responseStatusRemoved = "response-status-removed"
    case responseSuccessStatusRemoved = "response-success-status-removed"
    case responseSuccessBodyChanged = "response-success-body-changed"
    case responseHeaderAdded = "response-header-added"
    case responseHeaderRemoved = "response-header-removed"
    case pagingAdded = "paging-added"
    case pagingRemoved = "paging-removed"
    case securityChanged = "security-changed"
    case securitySchemeAdded = "security-scheme-added"
    case securitySchemeChanged = "security-scheme-changed"
    case securitySchemeRemoved = "security-scheme-removed"

    public var severities: [APIChange.Severity] {
        switch self {
        case .operationRemoved, .operationMoved, .operationPathChanged, .parameterRequiredAdded, .parameterBecameRequired,
             .parameterLocationChanged, .parameterStyleChanged, .requestEncodingChanged, .requestBodyRequiredAdded, .requestBodyBecameRequired,
             .requestPartHeaderRequiredAdded, .requestMediaTypeRemoved, .responseMediaTypeRemoved, .responseSuccessStatusRemoved, .securitySchemeChanged,
             .responseSuccessBodyChanged, .pagingRemoved:
            return [.breaking]
        case .operationDeprecated, .parameterRemoved, .parameterAllowReservedChanged, .requestBodyRemoved, .responseSuccessStatusAdded, .responseStatusRemoved,
             .securitySchemeRemoved, .responseHeaderRemoved, .requestPartHeaderRemoved:
            return [.warning]
        case .operationAdded, .operationNewVersion, .parameterAdded, .parameterBecameOptional, .requestBodyAdded,
             .requestBodyBecameOptional, .requestMediaTypeAdded, .responseMediaTypeAdded, .responseStatusAdded, .securitySchemeAdded,
             .responseHeaderAdded, .pagingAdded, .requestPartHeaderAdded:
            return [.info]
        case .securityChanged:
            // Breaking when an alternative the client may be using is gone.
            return [.breaking, .info]
        }
    }

    /// The one severity of a rule that has one; nil for `securityChanged`, whose caller decides.
    var fixedSeverity: APIChange.Severity? { severities.count == 1 ? severities[0] : nil }

    public var direction: DiffDirection? {
        switch self {
        case .parameterAdded, .parameterRequiredAdded, .parameterRemoved, .parameterBecameRequired, .parameterBecameOptional,
             .parameterLocationChanged, .parameterStyleChanged, .parameterAllowReservedChanged, .requestEncodingChanged, .requestBodyAdded, .requestBodyRequiredAdded, .requestBodyRemoved,
             .requestBodyBecameRequired, .requestBodyBecameOptional, .requestMediaTypeAdded, .requestMediaTypeRemoved,
             .requestPartHeaderAdded, .requestPartHeaderRequiredAdded, .requestPartHeaderRemoved:
            return .request
        case .responseMediaTypeAdded, .responseMediaTypeRemoved, .responseStatusAdded, .responseSuccessStatusAdded,
             .responseStatusRemoved, .responseSuccessStatusRemoved, .responseSuccessBodyChanged, .responseHeaderAdded,
             .responseHeaderRemoved, .pagingAdded, .pagingRemoved:
            return .response
        default:
            return nil
        }
    }
}

/// Where a compared schema is used; the rule ID's prefix.
public enum SchemaSite: String, CaseIterable, Sendable {
    /// A request body's schema.
    case request
    /// A parameter's schema (sent by clients, like a request body).
    case parameter
    /// A response body's schema.
    case response

    public var direction: DiffDirection { self == .response ? .response : .request }
}

/// The JSON Schema keywords whose bound can tighten or loosen.
public enum ConstraintKeyword: String, CaseIterable, Sendable {
    case minLength, maxLength, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minItems, maxItems
    case minProperties, maxProperties, multipleOf, uniqueItems, pattern, additionalProperties
}

/// Schema rules; the ID is prefixed with the `SchemaSite`.
public enum SchemaRule: Hashable, Sendable, CaseIterable {
    case typeChanged, formatChanged, becameNullable, becameNonNullable
    case enumAdded, enumRemoved, enumValueAdded, enumValueRemoved
    case tightened(ConstraintKeyword), loosened(ConstraintKeyword)
    case allOfChanged, oneOfChanged, anyOfChanged, notAdded, notRemoved
    case propertyAdded, propertyRequiredAdded, propertyRemoved, propertyBecameRequired, propertyBecameOptional
    /// `readOnly` / `writeOnly` added to or removed from a property.
    case becameReadOnly, noLongerReadOnly, becameWriteOnly, noLongerWriteOnly
    /// The schemas nest deeper than `limits.maxDepth`: deeper changes are not compared.
    case depthLimit
    /// A `oneOf`/`anyOf` alternative (by `$ref`, else by position) added or removed; a changed
    /// discriminator (property or mapping).
    case unionAlternativeAdded, unionAlternativeRemoved, discriminatorChanged

    public static let allCases: [SchemaRule] =
        [.typeChanged, .formatChanged, .becameNullable, .becameNonNullable, .enumAdded, .enumRemoved, .enumValueAdded, .enumValueRemoved]
        + ConstraintKeyword.allCases.flatMap { [SchemaRule.tightened($0), .loosened($0)] }
        + [.allOfChanged, .oneOfChanged, .anyOfChanged, .notAdded, .notRemoved,
           .propertyAdded, .propertyRequiredAdded, .propertyRemoved, .propertyBecameRequired, .propertyBecameOptional,
           .becameReadOnly, .noLongerReadOnly, .becameWriteOnly, .noLongerWriteOnly, .depthLimit,
           .unionAlternativeAdded, .unionAlternativeRemoved, .discriminatorChanged]

    /// The ID without its site prefix (`enum-value-added`, `minLength-tightened`).
    public var id: String {
        switch self {
        case .typeChanged: return "type-changed"
        case .formatChanged: return "format-changed"
        case .becameNullable: return "became-nullable"
        case .becameNonNullable: return "became-non-nullable"
        case .enumAdded: return "enum-added"
        case .enumRemoved: return "enum-removed"
        case .enumValueAdded: return "enum-value-added"
        case .enumValueRemoved: return "enum-value-removed"
        case .tightened(let keyword): return keyword.rawValue + "-tightened"
        case .loosened(let keyword): return keyword.rawValue + "-loosened"
        case .allOfChanged: return "allOf-changed"
        case .oneOfChanged: return "oneOf-changed"
        case .anyOfChanged: return "anyOf-changed"
        case .notAdded: return "not-added"
        case .notRemoved: return "not-removed"
        case .propertyAdded: return "property-added"
        case .propertyRequiredAdded: return "property-required-added"
        case .propertyRemoved: return "property-removed"
        case .propertyBecameRequired: return "property-became-required"
        case .propertyBecameOptional: return "property-became-optional"
        case .becameReadOnly: return "property-became-readOnly"
        case .noLongerReadOnly: return "property-readOnly-removed"
        case .becameWriteOnly: return "property-became-writeOnly"
        case .noLongerWriteOnly: return "property-writeOnly-removed"
        case .depthLimit: return "depth-limit"
        case .unionAlternativeAdded: return "union-alternative-added"
        case .unionAlternativeRemoved: return "union-alternative-removed"
        case .discriminatorChanged: return "discriminator-changed"
        }
    }

    /// The severities in one direction. Accepting less in a request, or sending more kinds of
    /// values in a response, breaks clients; the reverse is harmless or a warning.
    public func severities(_ direction: DiffDirection) -> [APIChange.Severity] {
        let request = direction == .request
        switch self {
        // A widened type (integer → number) is harmless in a request; any other change breaks.
        case .typeChanged: return request ? [.breaking, .info] : [.breaking]
        case .formatChanged: return [.breaking]
        case .becameNullable: return [request ? .info : .breaking]
        case .becameNonNullable: return [request ? .breaking : .info]
        case .enumAdded, .tightened, .notAdded: return [request ? .breaking : .info]
        case .enumRemoved, .loosened, .notRemoved: return [request ? .info : .warning]
        // Generated Swift enums are open (`.unknown(raw)`), so a new response value is harmless.
        case .enumValueAdded: return [.info]
        case .enumValueRemoved: return [request ? .breaking : .info]
        case .allOfChanged, .oneOfChanged, .anyOfChanged: return [.warning]
        case .propertyAdded: return [.info]
        case .propertyRequiredAdded, .propertyBecameRequired: return [request ? .breaking : .info]
        case .propertyBecameOptional: return [request ? .info : .breaking]
        case .propertyRemoved: return [request ? .warning : .breaking]
        // The server ignores a readOnly value clients send; a writeOnly one stops coming back.
        case .becameReadOnly: return [request ? .warning : .info]
        case .noLongerReadOnly: return request ? [.info, .breaking] : [.info]
        case .becameWriteOnly: return [request ? .info : .breaking]
        case .noLongerWriteOnly: return [.info]
        case .depthLimit: return [.warning]
        // A new variant in a response: old clients decode it as `unknown` (a warning, not a break).
        case .unionAlternativeAdded: return [request ? .info : .warning]
        case .unionAlternativeRemoved: return [request ? .breaking : .info]
        // Values are matched to alternatives differently: both sides may misread each other.
        case .discriminatorChanged: return [.breaking]
        }
    }
}

/// Rules about the generated Swift API: what makes existing code stop compiling.
public enum SwiftRule: String, CaseIterable, Sendable {
    case typeAdded = "type-added"
    case typeRemoved = "type-removed"
    case typeKindChanged = "type-kind-changed"
    case typealiasChanged = "typealias-changed"
    case propertyAdded = "property-added"
    case propertyRemoved = "property-removed"
    case propertyTypeChanged = "property-type-changed"
    case enumCaseAdded = "enum-case-added"
    case enumCaseRemoved = "enum-case-removed"
    case methodAdded = "method-added"
    case methodRemoved = "method-removed"
    case optionalArgumentAdded = "optional-argument-added"
    case requiredArgumentAdded = "required-argument-added"
    case argumentRemoved = "argument-removed"
    case argumentBecameRequired = "argument-became-required"
    case argumentBecameOptional = "argument-became-optional"
    case argumentOrderChanged = "argument-order-changed"
    case parameterTypeChanged = "parameter-type-changed"
    case resultTypeChanged = "result-type-changed"
    case clientInitChanged = "client-init-changed"

    public var severity: APIChange.Severity {
        switch self {
        case .typeAdded, .propertyAdded, .methodAdded, .optionalArgumentAdded, .argumentBecameOptional: return .info
        // Exhaustive `switch`es over the enum need the new case.
        case .enumCaseAdded: return .warning
        default: return .breaking
        }
    }
}
