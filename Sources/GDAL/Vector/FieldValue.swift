import Foundation

/// One attribute value, typed as the field is.
///
/// OGR tells "unset" (the feature never had a value, e.g. a GeoJSON property that is absent) from "null"
/// (explicitly null); writers keep the difference where the format can.
public enum FieldValue: Hashable, Sendable {
    case unset
    case null
    case string(String)
    case integer(Int64)
    case real(Double)
    case date(DateTimeValue)
    case time(DateTimeValue)
    case dateTime(DateTimeValue)
    case binary([UInt8])
    case integerList([Int64])
    case realList([Double])
    case stringList([String])

    /// Whether the value is absent (unset or null).
    public var isMissing: Bool {
        switch self {
        case .unset, .null: true
        default: false
        }
    }

    /// The value as a string for messages and keys; nil when missing.
    public var text: String? {
        switch self {
        case .unset, .null: nil
        case let .string(value): value
        case let .integer(value): String(value)
        case let .real(value): String(value)
        case let .date(value), let .time(value), let .dateTime(value): value.description
        case let .binary(bytes): bytes.map { String(format: "%02X", $0) }.joined()
        case let .integerList(values): values.map(String.init).joined(separator: ",")
        case let .realList(values): values.map { String($0) }.joined(separator: ",")
        case let .stringList(values): values.joined(separator: ",")
        }
    }

    /// The value as a number when it is one (integers widen to `Double`).
    public var number: Double? {
        switch self {
        case let .integer(value): Double(value)
        case let .real(value): value
        default: nil
        }
    }
}

/// A date, time or date-time as OGR stores it; `timeZone` follows OGR's flag (0 unknown, 1 local, 100 UTC,
/// 100 ± 4 per 15 minutes of offset).
public struct DateTimeValue: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Double
    public var timeZone: Int

    public init(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0,
        timeZone: Int = 0
    ) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.timeZone = timeZone
    }

    /// ISO 8601: `2022-01-21`, or `2022-01-21T10:30:00+07:00`.
    public var description: String {
        let date = String(format: "%04d-%02d-%02d", year, month, day)
        guard hour != 0 || minute != 0 || second != 0 || timeZone > 1 else { return date }
        let whole = second.rounded(.down) == second
        let seconds = whole ? String(format: "%02d", Int(second)) : String(format: "%06.3f", second)
        var text = date + String(format: "T%02d:%02d:", hour, minute) + seconds
        if timeZone == 100 {
            text += "Z"
        } else if timeZone > 1 {
            let minutes = (timeZone - 100) * 15
            text += String(format: "%@%02d:%02d", minutes < 0 ? "-" : "+", abs(minutes) / 60, abs(minutes) % 60)
        }
        return text
    }
}
