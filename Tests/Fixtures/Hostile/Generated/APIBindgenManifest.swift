// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: openapi.yaml sha256:3b4b2aa720254d018f65ee3d9ddefcb1116a6d0426138dcc30ab3386b5a88ca2
// module: HostileFixture accessLevel: public
// file: Client/HostileFixtureClient+V1.swift
// file: Client/HostileFixtureClient.swift
// file: Client/Operations/HostileFixtureClient+EvilPublicFuncEvil11Int5.swift
// file: Client/Operations/HostileFixtureClient+Init.swift
// file: Client/Operations/HostileFixtureClient+Self2.swift
// file: Client/V1/V1+Default.swift
// file: Models/Choice.swift
// file: Models/Class.swift
// file: Models/ClientCoreModel.swift
// file: Models/CodingKeysModel.swift
// file: Models/Count.swift
// file: Models/DateTimeFormatModel.swift
// file: Models/DefaultV1Response.swift
// file: Models/EvilPublicFuncEvil36Int5.swift
// file: Models/HasherModel.swift
// file: Models/HostileFixtureClient2.swift
// file: Models/IndirectModel.swift
// file: Models/JSONValueModel.swift
// file: Models/Keywords.swift
// file: Models/Main+Type.swift
// file: Models/Node.swift
// file: Models/ProtocolModel.swift
// file: Models/Schemas.swift
// file: Models/SchemasModel.swift
// file: Models/SelfModel.swift
// file: Models/StringModel.swift
// file: Models/TimeZoneModel.swift
// file: Models/TypeModel.swift
// file: Models/URIEncodingModel.swift
// file: Models/URLSessionTransportModel.swift
// file: Models/ValidatableModel.swift
// file: Models/ValidationSchemaModel.swift
