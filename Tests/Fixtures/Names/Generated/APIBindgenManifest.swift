// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: openapi.yaml sha256:0d389a3bf15dd085371bc4abed33177d9f8e0122109af330c8bcd7a527fb09d9
// module: NamesFixture accessLevel: public
// file: Client/NamesFixtureClient.swift
// file: Client/Operations/NamesFixtureClient+GetList.swift
// file: Client/Operations/NamesFixtureClient+GetList2.swift
// file: Client/Operations/NamesFixtureClient+ListPeople.swift
// file: Models/ABC.swift
// file: Models/Abc2.swift
// file: Models/ErrorModel.swift
// file: Models/Grosse.swift
// file: Models/NullTime.swift
// file: Models/NullTime2.swift
// file: Models/NullTime3.swift
// file: Models/Person.swift
// file: Models/Schemas.swift
// file: Models/Sign.swift
// file: Models/U540D_u524D.swift
