// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: openapi.yaml sha256:a3589e837a62014319c960e9a22d91971938ea39c14fa3564fbee4acb704ba76
// module: RequestsFixture accessLevel: public
// file: Client/RequestsFixtureClient+V1.swift
// file: Client/RequestsFixtureClient.swift
// file: Client/V1/V1+CreateCall.swift
// file: Client/V1/V1+CreateCheckoutSession.swift
// file: Client/V1/V1+GetShades.swift
// file: Client/V1/V1+ListCharges.swift
// file: Client/V1/V1+PostNote.swift
// file: Client/V1/V1+UploadFile.swift
// file: Models/CheckoutSessionRequest.swift
// file: Models/Color.swift
// file: Models/CreateCallRequest.swift
// file: Models/Created.swift
// file: Models/RangeQuery.swift
// file: Models/Schemas.swift
// file: Models/UploadRequest.swift
