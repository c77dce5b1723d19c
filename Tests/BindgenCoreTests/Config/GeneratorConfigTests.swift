import BindgenCore
import Foundation
import TestSupport
import Testing
import YAMLParsing

/// The generator config: operation filters, name overrides, the version source, and located errors.
@Suite struct GeneratorConfigTests {
    static func folder(config: String) throws -> String {
        let folder = try TestPaths.temporaryFolder()
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("Specs/EnergyCAP/energycap.openapi.yaml"),
                                         to: folder.appendingPathComponent("energycap.openapi.yaml"))
        try config.write(to: folder.appendingPathComponent("api-bindgen.yaml"), atomically: true, encoding: .utf8)
        return folder.path
    }

    /// `paging`: EnergyCAP's convention by default, other names from the config, `none` to turn it off.
    @Test func pagingConventionFromTheConfig() throws {
        func paging(_ extra: String) throws -> PagingDeclaration? {
            let config = try GeneratorConfig.load(folder: Self.folder(config: "spec: energycap.openapi.yaml\n" + extra))
            let operations = try Generator.generate(config).module.client.groups.flatMap(\.operations)
            return try #require(operations.first { $0.operationID == "SearchUtilityPlatformServiceAddressesV202203" }).paging
        }
        let standard = try #require(try paging(""))
        #expect(standard.methodName == "searchUtilityPlatformServiceAddressesPages")
        #expect(standard.pageNumberParameter == "pageNumber" && standard.totalPagesProperty == "totalPages" && standard.firstPage == 1)
        #expect(try paging("paging: none\n") == nil)
        let custom = try #require(try paging("""
            paging:
              pageNumberParameter: PAGESIZE
              pageSizeParameter: address
              totalPagesHeader: totalnumberofrecords
              firstPage: 0
            """))
        #expect(custom.pageNumberParameter == "pageSize" && custom.totalPagesProperty == "totalNumberOfRecords" && custom.firstPage == 0)
        #expect(try paging("paging:\n  totalPagesHeader: X-Total-Pages\n") == nil)
        #expect(throws: DiagnosticsError.self) { try GeneratorConfig.load(folder: Self.folder(config: "spec: energycap.openapi.yaml\npaging:\n  firstPage: -1\n")) }
        #expect(throws: DiagnosticsError.self) { try GeneratorConfig.load(folder: Self.folder(config: "spec: energycap.openapi.yaml\npaging: sometimes\n")) }
    }

    @Test func includeByVersionKeepsOnlyReachableSchemas() throws {
        let config = try GeneratorConfig.load(folder: Self.folder(config: "spec: energycap.openapi.yaml\nmodule: Uploads\ninclude:\n  versions: [v202105]\n"))
        let result = try Generator.generate(config)
        let operations = result.module.client.groups.flatMap(\.operations).map(\.operationID)
        #expect(operations == ["UploadFileV202105"])
        #expect(result.module.types.map(\.name) == ["ErrorResponse"])
    }

    @Test func includeCriteriaCombineWithOr() throws {
        let config = try GeneratorConfig.load(folder: Self.folder(config: """
            spec: energycap.openapi.yaml
            include:
              operationIds: [UploadFileV202105]
              pathPrefixes: ['/api/v202203/utilityPlatform/meter/{meterId}/dataAccess']
            """))
        let operations = try Generator.generate(config).module.client.groups.flatMap(\.operations).map(\.operationID).sorted()
        #expect(operations == ["GetDataAccessReleaseStateV202203", "UploadFileV202105"])
    }

    @Test func nameOverridesAndNoVersions() throws {
        let config = try GeneratorConfig.load(folder: Self.folder(config: """
            spec: energycap.openapi.yaml
            versionSource: none
            nameOverrides:
              schemas: { DataAccessReleaseStatusId: ReleaseStatusID }
              operations: { AssignDataAccessReleaseV202203: assignRelease }
            """))
        let result = try Generator.generate(config)
        #expect(result.module.client.groups.count == 1 && result.module.client.groups[0].version == nil)
        #expect(result.module.client.groups[0].operations.map(\.methodName).contains("assignRelease"))
        #expect(result.module.types.map(\.name).contains("ReleaseStatusID"))
        let status = try #require(result.files.first { $0.path == "Models/DataAccessReleaseStatus.swift" })
        #expect(status.contents.contains("public var dataAccessReleaseStatusID: ReleaseStatusID?"))
    }

    @Test func badConfigsAreLocatedErrors() throws {
        let folder = try Self.folder(config: "spec: energycap.openapi.yaml\naccessLevel: open\ninclude:\n  colors: [red]\nnameOverrides:\n  schemas: { A: 'not valid' }\n")
        #expect {
            _ = try GeneratorConfig.load(folder: folder)
        } throws: { error in
            let text = (error as? DiagnosticsError)?.description ?? ""
            return text.contains("api-bindgen.yaml:2:14: error: accessLevel must be one of public, package, internal; found 'open'")
                && text.contains("api-bindgen.yaml:4:3: error: unknown key 'colors'; expected one of tags, operationIds, pathPrefixes, versions")
                && text.contains("api-bindgen.yaml:6:17: error: 'not valid' is not a Swift identifier")
        }
    }
}
