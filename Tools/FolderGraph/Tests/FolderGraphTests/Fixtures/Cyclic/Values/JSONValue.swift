// A value every layer may use.
enum JSONValue { case null }
