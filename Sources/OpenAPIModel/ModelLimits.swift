/// Bounds that keep loading a hostile document (and every stage after it) finite and off the
/// end of the stack. Exceeding one is a located error (`file:line:column: error: …`), never a
/// crash, a silent drop or unbounded work.
///
/// The YAML layer has its own bounds (`YAMLLimits`: 1,000 levels of nesting, 10,000,000 nodes
/// once aliases are expanded); these are tighter and count what OpenAPI makes of the nodes.
public struct ModelLimits: Sendable, Hashable {
    /// Deepest accepted nesting, in levels. One limit for every recursive stage:
    /// - the document model: Schema Objects inside Schema Objects (`properties`, `items`,
    ///   `prefixItems`, `additionalProperties`, `allOf`/`oneOf`/`anyOf`, `not`), and the
    ///   mappings and sequences inside an `enum` or `const` value;
    /// - the translator, whose depth also counts schemas reached through `$ref`s to pointers
    ///   that are not `#/components/schemas/<name>` (such targets are copied in place);
    /// - the validation rules and the renderer (they follow the translator's model);
    /// - `diff`'s schema comparison;
    /// - groups in an ECMA-262 `pattern` (JSON Schema Validation §6.3.3).
    ///
    /// Default 64. The deepest schema in the EnergyCAP, Stripe and OpenAI specs nests 10 levels.
    public var maxDepth: Int
    /// Longest accepted chain of references to references (a `$ref` whose target is itself a
    /// Reference Object, OpenAPI 3.0.3 §4.7.23 / 3.1.0 §4.8.23), in `$ref`s followed. A chain
    /// that comes back to where it started is always an error. Default 32.
    public var maxReferenceHops: Int
    /// Most Schema Objects the document may stand for, counting each copy a YAML alias or a `<<`
    /// merge key makes (YAML 1.2 §3.2.2.2: an alias denotes the anchored node again): alias-shared
    /// schemas cannot multiply the work of later stages. Default 100,000; the Stripe spec has
    /// about 18,000.
    public var maxSchemas: Int

    public init(maxDepth: Int = 64, maxReferenceHops: Int = 32, maxSchemas: Int = 100_000) {
        self.maxDepth = maxDepth
        self.maxReferenceHops = maxReferenceHops
        self.maxSchemas = maxSchemas
    }

    public static let `default` = ModelLimits()
}
