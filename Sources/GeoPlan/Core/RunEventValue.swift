/// A value of an event's fields: text or a whole number.
public enum RunEventValue: Hashable, Sendable {
    case text(String)
    case integer(Int)
}
