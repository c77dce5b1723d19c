/// Shared timing helpers for the LoadBench executables.

/// Keeps `value` alive and opaque to the optimizer so the measured work is not removed.
@inline(never)
public func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

/// Median and minimum of a list of durations, in the unit they were given.
public struct Summary: Sendable {
    public var median: Double
    public var min: Double

    public init(_ samples: [Double]) {
        let sorted = samples.sorted()
        precondition(!sorted.isEmpty)
        let mid = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        min = sorted[0]
    }
}

/// Seconds of `ContinuousClock` time spent in `body`.
@inline(__always)
public func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = start.duration(to: clock.now)
    let (s, attoseconds) = elapsed.components
    return Double(s) + Double(attoseconds) / 1e18
}

/// Parses `--name value` integer options, with a default.
public func intOption(_ name: String, default value: Int) -> Int {
    let arguments = CommandLine.arguments
    if let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let parsed = Int(arguments[index + 1]) {
        return parsed
    }
    return value
}

/// The first argument that is not an option or an option's value.
public func positionalArguments() -> [String] {
    var result: [String] = []
    var skipNext = false
    for argument in CommandLine.arguments.dropFirst() {
        if skipNext { skipNext = false; continue }
        if argument.hasPrefix("--") { skipNext = true; continue }
        result.append(argument)
    }
    return result
}
