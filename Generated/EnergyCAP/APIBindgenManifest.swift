// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: energycap.openapi.yaml sha256:5858c48e755adc1bbd8601f5ed9ab65d90928d580a5d8b918efb924dd73d1bbd
// module: EnergyCAP accessLevel: public
// file: Client/EnergyCAPClient+V202105.swift
// file: Client/EnergyCAPClient+V202203.swift
// file: Client/EnergyCAPClient.swift
// file: Client/V202105/V202105+UploadFile.swift
// file: Client/V202203/V202203+AssignDataAccessRelease.swift
// file: Client/V202203/V202203+GetDataAccessReleaseState.swift
// file: Client/V202203/V202203+SearchUtilityPlatformServiceAddresses.swift
// file: Models/AddressLookup.swift
// file: Models/DataAccessReleaseRequest.swift
// file: Models/DataAccessReleaseState.swift
// file: Models/DataAccessReleaseStatus.swift
// file: Models/DataAccessReleaseStatusID.swift
// file: Models/ErrorResponse.swift
// file: Models/Schemas.swift
