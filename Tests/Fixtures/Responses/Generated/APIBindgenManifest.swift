// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: responses.yaml sha256:e8809774b5031136fd9e15f6c56cbd4a2231f2a7a9fb548965640d22c0c104f6
// module: ResponsesFixture accessLevel: public
// file: Client/ResponsesFixtureClient+V1.swift
// file: Client/ResponsesFixtureClient.swift
// file: Client/V1/V1+CreateItem.swift
// file: Client/V1/V1+DownloadArchive.swift
// file: Client/V1/V1+ExportItem.swift
// file: Client/V1/V1+GetImage.swift
// file: Client/V1/V1+GetItem.swift
// file: Client/V1/V1+GetNote.swift
// file: Client/V1/V1+ListItems.swift
// file: Models/Item.swift
// file: Models/Problem.swift
// file: Models/Receipt.swift
// file: Models/Schemas.swift
