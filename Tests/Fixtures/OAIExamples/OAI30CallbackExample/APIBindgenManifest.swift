// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: callback-example.yaml sha256:42174fc75c21436e3ffd10960c483c4374469059f652c1fdc4542854233ab15d
// module: OAI30CallbackExample accessLevel: public
// file: Client/OAI30CallbackExampleClient.swift
// file: Client/Operations/OAI30CallbackExampleClient+PostStreams.swift
// file: Models/PostStreamsResponse.swift
// file: Models/Schemas.swift
