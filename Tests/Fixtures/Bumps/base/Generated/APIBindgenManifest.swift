// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: openapi.yaml sha256:1b05da4d5856bc8cab3446e6b9c98c80ae0d46355cc11afc987e7a426212c73e
// module: Bump accessLevel: public
// file: Client/BumpClient+V202105.swift
// file: Client/BumpClient+V202203.swift
// file: Client/BumpClient.swift
// file: Client/V202105/V202105+UploadFile.swift
// file: Client/V202203/V202203+AssignDataAccessRelease.swift
// file: Client/V202203/V202203+GetDataAccessReleaseState.swift
// file: Models/DataAccessReleaseRequest.swift
// file: Models/DataAccessReleaseState.swift
// file: Models/DataAccessReleaseStatus.swift
// file: Models/DataAccessReleaseStatusID.swift
// file: Models/ErrorResponse.swift
// file: Models/Schemas.swift
