import Foundation
import OpenAPIModel

extension GeneratorConfig {
    /// The translator's options for this config and its document, the one mapping `generate` and
    /// `diff` both use: the module name defaults to the spec's `info.title` as a type name
    /// (`Naming.typeName`), and the spec is named by its file name (the last path component of
    /// `specPath`).
    public func translatorOptions(for document: OpenAPIDocument) -> Translator.Options {
        Translator.Options(moduleName: moduleName ?? Naming.typeName(document.info.title), accessLevel: accessLevel,
                           specFileName: (specPath as NSString).lastPathComponent, filter: filter, overrides: overrides,
                           versionSource: versionSource, limits: limits, paging: paging)
    }
}
