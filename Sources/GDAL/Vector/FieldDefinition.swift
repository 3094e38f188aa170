import CGDAL

/// The type of an attribute field, as OGR has it.
public enum FieldType: String, Hashable, Sendable, CaseIterable {
    case integer, integer64, real, string, date, time, dateTime, binary
    case integerList, integer64List, realList, stringList

    init?(_ raw: OGRFieldType) {
        switch raw {
        case OFTInteger: self = .integer
        case OFTInteger64: self = .integer64
        case OFTReal: self = .real
        case OFTString: self = .string
        case OFTDate: self = .date
        case OFTTime: self = .time
        case OFTDateTime: self = .dateTime
        case OFTBinary: self = .binary
        case OFTIntegerList: self = .integerList
        case OFTInteger64List: self = .integer64List
        case OFTRealList: self = .realList
        case OFTStringList: self = .stringList
        default: return nil  // OFTWideString and OFTWideStringList are deprecated and never produced
        }
    }

    var ogrType: OGRFieldType {
        switch self {
        case .integer: OFTInteger
        case .integer64: OFTInteger64
        case .real: OFTReal
        case .string: OFTString
        case .date: OFTDate
        case .time: OFTTime
        case .dateTime: OFTDateTime
        case .binary: OFTBinary
        case .integerList: OFTIntegerList
        case .integer64List: OFTInteger64List
        case .realList: OFTRealList
        case .stringList: OFTStringList
        }
    }
}

/// A sub-type refining a field's type (`OFSTBoolean` on an integer, `OFSTFloat32` on a real…).
public enum FieldSubtype: String, Hashable, Sendable {
    case none, boolean, int16, float32, json, uuid

    init(_ raw: OGRFieldSubType) {
        switch raw {
        case OFSTBoolean: self = .boolean
        case OFSTInt16: self = .int16
        case OFSTFloat32: self = .float32
        case OFSTJSON: self = .json
        case OFSTUUID: self = .uuid
        default: self = .none
        }
    }

    var ogrSubtype: OGRFieldSubType {
        switch self {
        case .none: OFSTNone
        case .boolean: OFSTBoolean
        case .int16: OFSTInt16
        case .float32: OFSTFloat32
        case .json: OFSTJSON
        case .uuid: OFSTUUID
        }
    }
}

/// A field's name, type, width and precision: what a layer declares and a writer creates.
public struct FieldDefinition: Hashable, Sendable {
    public var name: String
    public var type: FieldType
    public var subtype: FieldSubtype
    /// Declared width (0 when not set), e.g. 80 for a DBF `C(80)`.
    public var width: Int
    /// Declared decimals (0 when not set).
    public var precision: Int
    public var isNullable: Bool

    public init(
        name: String, type: FieldType, subtype: FieldSubtype = .none, width: Int = 0, precision: Int = 0,
        isNullable: Bool = true
    ) {
        self.name = name
        self.type = type
        self.subtype = subtype
        self.width = width
        self.precision = precision
        self.isNullable = isNullable
    }

    /// Reads a field definition GDAL owns (`OGRFieldDefnH`), copying its values.
    init(copying handle: OGRFieldDefnH) {
        // all return values owned by the definition, copied here
        name = String(cString: OGR_Fld_GetNameRef(handle))
        type = FieldType(OGR_Fld_GetType(handle)) ?? .string
        subtype = FieldSubtype(OGR_Fld_GetSubType(handle))
        width = Int(OGR_Fld_GetWidth(handle))
        precision = Int(OGR_Fld_GetPrecision(handle))
        isNullable = OGR_Fld_IsNullable(handle) != 0
    }

    /// "String(80)", "Real(24.15)", "Integer(Boolean)", as `ogrinfo` prints them.
    public var typeDescription: String {
        var text = type.rawValue.prefix(1).uppercased() + type.rawValue.dropFirst()
        if subtype != .none { text += "(\(subtype.rawValue.prefix(1).uppercased() + subtype.rawValue.dropFirst()))" }
        if width > 0 { text += precision > 0 ? "(\(width).\(precision))" : "(\(width))" }
        return text
    }
}

/// A layer's fields in order, with a name index.
public struct LayerSchema: Hashable, Sendable {
    public let fields: [FieldDefinition]
    private let indexByName: [String: Int]

    public init(fields: [FieldDefinition]) {
        self.fields = fields
        var index: [String: Int] = [:]
        for (position, field) in fields.enumerated() where index[field.name] == nil {
            index[field.name] = position
        }
        // OGR matches field names case-insensitively; exact matches above win over these.
        for (position, field) in fields.enumerated() where index[field.name.lowercased()] == nil {
            index[field.name.lowercased()] = position
        }
        indexByName = index
    }

    /// The position of a field by name (exact first, then case-insensitive), or nil.
    public func index(of name: String) -> Int? {
        indexByName[name] ?? indexByName[name.lowercased()]
    }

    public var names: [String] { fields.map(\.name) }
}
