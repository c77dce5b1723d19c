// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: energycap.openapi.yaml sha256:8e5aff0b60ddce6a933bb361bb488c37ae05e7f5500fd004c9d305c634ff9043
// module: EnergyCAP accessLevel: public
// file: Client/EnergyCAPClient+V202105.swift
// file: Client/EnergyCAPClient+V202203.swift
// file: Client/EnergyCAPClient.swift
// file: Client/V202105/V202105+UploadFile.swift
// file: Client/V202203/V202203+AssignDataAccessRelease.swift
// file: Client/V202203/V202203+GetDataAccessReleaseState.swift
// file: Models/DataAccessReleaseRequest.swift
// file: Models/DataAccessReleaseState.swift
// file: Models/DataAccessReleaseStatus.swift
// file: Models/DataAccessReleaseStatusID.swift
// file: Models/ErrorResponse.swift
// file: Models/Schemas.swift
