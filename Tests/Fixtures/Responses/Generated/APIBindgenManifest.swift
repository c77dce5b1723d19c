// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: responses.yaml sha256:4ebcdf58c35c9be6f5c8e48bc8b112e9a12e3a9453f755a3bcbdcf7669d19ee6
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
// file: Client/V1/V1+WatchItem.swift
// file: Models/Item.swift
// file: Models/Problem.swift
// file: Models/Receipt.swift
// file: Models/Schemas.swift
