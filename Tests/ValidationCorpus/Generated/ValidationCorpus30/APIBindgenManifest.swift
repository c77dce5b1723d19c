// api-bindgen manifest. DO NOT EDIT.
// The generator owns the files listed here: it rewrites them, and removes them once the spec no longer produces them.
// generator: api-bindgen 0.1.0
// spec: openapi-3.0.yaml sha256:f2fe56f92f917b45ee09bfa0e39ed7bb37e4f288f4397774adc1ec43d8d80ea6
// module: ValidationCorpus30 accessLevel: public
// file: Client/ValidationCorpus30Client.swift
// file: Models/AgedPart.swift
// file: Models/AllOfObjects.swift
// file: Models/AnyOfScalars.swift
// file: Models/ArrayItemCount.swift
// file: Models/Cat.swift
// file: Models/ClosedObject.swift
// file: Models/DateFormat.swift
// file: Models/DateTimeFormatModel.swift
// file: Models/Dog.swift
// file: Models/EmailFormat.swift
// file: Models/EnumInteger.swift
// file: Models/EnumLookalikes.swift
// file: Models/EnumString.swift
// file: Models/ExclusiveMaximum.swift
// file: Models/ExclusiveMinimum.swift
// file: Models/InclusiveMinimumExplicit.swift
// file: Models/Int64Max.swift
// file: Models/Ipv4Format.swift
// file: Models/Ipv6Format.swift
// file: Models/MultipleOfCent.swift
// file: Models/MultipleOfTenth.swift
// file: Models/MultipleOfThree.swift
// file: Models/NamedPart.swift
// file: Models/NestedItems.swift
// file: Models/NestedObject.swift
// file: Models/NullableEnum.swift
// file: Models/NullableIntegerMinimum.swift
// file: Models/NullableString.swift
// file: Models/NumberMaximum.swift
// file: Models/NumberMinimum.swift
// file: Models/OneOfMultiples.swift
// file: Models/OneOfObjects.swift
// file: Models/OpenObjectSchema.swift
// file: Models/OptionalString.swift
// file: Models/PatternAccountNumber.swift
// file: Models/PatternDigitsEscape.swift
// file: Models/PatternHexColor.swift
// file: Models/PatternLowerAlpha.swift
// file: Models/PropertyCount.swift
// file: Models/ReadWriteOnly.swift
// file: Models/RequiredFields.swift
// file: Models/Schemas.swift
// file: Models/StringMaxLength.swift
// file: Models/StringMinLength.swift
// file: Models/TypeBoolean.swift
// file: Models/TypeInteger.swift
// file: Models/TypeNumber.swift
// file: Models/TypeString.swift
// file: Models/URIFormat.swift
// file: Models/UUIDFormat.swift
// file: Models/UnicodeMaxOne.swift
// file: Models/UniqueObjects.swift
