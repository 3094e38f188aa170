import Foundation

/// The four kinds of Thai local government (องค์กรปกครองส่วนท้องถิ่น) below the province: three classes of
/// municipality (เทศบาล) and the subdistrict administrative organisation (SAO, อบต.), which governs what of its
/// tambon(s) no municipality covers.
///
/// Bangkok and Pattaya (special local governments) and the provincial administrative organisations (อบจ.,
/// which cover a whole province above these units) are not part of the partition.
public enum LocalGovernmentType: String, CaseIterable, Codable, Hashable, Sendable {
    /// City municipality, เทศบาลนคร (thesaban nakhon).
    case city
    /// Town municipality, เทศบาลเมือง (thesaban mueang).
    case town
    /// Subdistrict municipality, เทศบาลตำบล (thesaban tambon).
    case subdistrict
    /// Subdistrict administrative organisation, องค์การบริหารส่วนตำบล (อบต.).
    case sao

    /// The official Thai name of the class.
    public var thaiName: String {
        switch self {
        case .city: "เทศบาลนคร"
        case .town: "เทศบาลเมือง"
        case .subdistrict: "เทศบาลตำบล"
        case .sao: "องค์การบริหารส่วนตำบล"
        }
    }

    /// The English name of the class.
    public var englishName: String {
        switch self {
        case .city: "city municipality"
        case .town: "town municipality"
        case .subdistrict: "subdistrict municipality"
        case .sao: "subdistrict administrative organisation"
        }
    }

    /// Whether this is a municipality (เทศบาล), i.e. a unit drawn in the municipality layer; SAO areas are derived.
    public var isMunicipality: Bool { self != .sao }

    /// Reads a type field leniently: English (`city`, `Town Municipality`), romanised Thai (`nakhon`, `mueang`,
    /// `muang`, `tambon`, `Thesaban Mueang`), Thai (`นคร`, `เทศบาลเมือง`, `ตำบล`) and the Thai abbreviations
    /// (`ทน.`, `ทม.`, `ทต.`, `อบต.`), in any case, with or without dots and surrounding spaces.
    ///
    /// Whole values are matched after the words for "municipality" are taken off, never substrings, so a name
    /// such as `เทศบาลตำบลบางเมือง` is refused rather than guessed.
    public init?(parsing text: String) {
        guard let type = Self.aliases[Self.normalised(text)] else { return nil }
        self = type
    }

    /// ``init(parsing:)``, or an error naming the feature, the value and the accepted spellings.
    public static func parse(_ text: String?, feature: String) throws -> LocalGovernmentType {
        guard let text, let type = LocalGovernmentType(parsing: text) else {
            throw GeoPlanError.governance(.unknownType(feature: feature, value: text ?? ""))
        }
        return type
    }

    /// Spellings a planner can use, for messages.
    static let acceptedSpellings = "city/nakhon/นคร/ทน., town/mueang/เมือง/ทม., subdistrict/tambon/ตำบล/ทต."

    private static let aliases: [String: LocalGovernmentType] = {
        var table: [String: LocalGovernmentType] = [:]
        let spellings: [(LocalGovernmentType, [String])] = [
            (.city, ["city", "nakhon", "nakorn", "นคร", "ทน"]),
            (.town, ["town", "mueang", "muang", "meuang", "เมือง", "ทม"]),
            (.subdistrict, ["subdistrict", "sub-district", "sub district", "tambon", "tambol", "ตำบล", "ทต"]),
            (
                .sao,
                [
                    "sao", "tao", "อบต", "subdistrict administrative organisation",
                    "subdistrict administrative organization", "องค์การบริหารส่วนตำบล",
                ]
            ),
        ]
        for (type, names) in spellings {
            for name in names { table[name] = type }
        }
        return table
    }()

    /// Lower case, no dots, single spaces, without `thesaban`/`เทศบาล` in front or `municipality` behind.
    static func normalised(_ text: String) -> String {
        var value = text.lowercased().replacingOccurrences(of: ".", with: "")
        value = value.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for prefix in ["thesaban ", "เทศบาล"] where value.hasPrefix(prefix) && value.count > prefix.count {
            value = String(value.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        for suffix in [" municipality"] where value.hasSuffix(suffix) {
            value = String(value.dropLast(suffix.count))
        }
        return value
    }
}
