/// The parent of an area code one administrative level up, read from the code itself: a P-code
/// (`TH120101` tambon → `TH1201` district → `TH12` province, as COD-AB writes them) or the provincial
/// administration's numeric codes (`120101` → `1201` → `12`). Each level drops the last two digits.
enum ParentCode {
    /// Levels from the tambon up, by name as a spec writes them.
    enum Level: String, CaseIterable, Sendable {
        case tambon, district, province

        /// Digits a code of this level has after any letters: 6, 4, 2.
        var digits: Int {
            switch self {
            case .tambon: 6
            case .district: 4
            case .province: 2
            }
        }
    }

    /// The code of `code`'s ancestor at `level`, or nil when `code` does not look like a code of a level at or
    /// below it (letters, then an even number of digits, 2–6).
    static func ancestor(of code: String, at level: Level) -> String? {
        let letters = code.prefix { $0.isLetter }
        let digits = code.dropFirst(letters.count)
        guard digits.count >= level.digits, digits.count <= 6, digits.count % 2 == 0,
            digits.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        return String(letters) + String(digits.prefix(level.digits))
    }

    /// Where a stated parent field disagrees with the code's own prefix (a tambon filed under the wrong
    /// district): the pairs (code, stated parent) that do not match, codes compared as `AreaCode` normalises Thai
    /// codes (`TH1201` and `1201` agree). A code that shows no parent (not a P-code) has nothing to disagree with.
    static func disagreements(codes: [String], statedParents: [String], level: Level) -> [(
        code: String, stated: String
    )] {
        zip(codes, statedParents).compactMap { code, stated in
            guard let derived = ancestor(of: code, at: level) else { return nil }
            return AreaCode.normalize(derived, thai: true) == AreaCode.normalize(stated, thai: true)
                ? nil : (code, stated)
        }
    }
}
