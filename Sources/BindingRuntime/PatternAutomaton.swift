/// A compiled pattern: a Thompson NFA (one program for the pattern, one for each lookaround
/// body) simulated in lock step over the code points of the input, so matching takes time
/// linear in the input's length: at each of the `n + 1` positions every instruction is visited
/// at most once, hence at most `2 · (n + 1) · instructionCount` steps (`steps` counts them).
///
/// Why this is exact for the supported subset of ECMA-262 §22.2: the generator rejects
/// backreferences, and only a backreference can observe which way a backtracking matcher took,
/// so `RegExp.prototype.test` succeeds iff the string contains a substring in the pattern's
/// language. Lookaround is a predicate on positions (ECMA-262 §22.2.2.4): `(?=X)` holds at `p`
/// iff some `s[p..<q]` is in X's language, `(?<=X)` iff some `s[q..<p]` is; each is tabulated for
/// all positions in one linear pass before the main run (lookbehind runs X forwards, lookahead
/// runs X reversed from the end), innermost first, so nesting costs one more pass per lookaround.
struct PatternAutomaton: Sendable {
    enum Instruction: Sendable {
        /// Consume one code point of `sets[index]`, then continue at the next instruction.
        case set(Int)
        case split(Int, Int)
        case jump(Int)
        case assertion(PatternAssertion)
        /// Continue iff lookaround table `index` holds at this position (xor `negated`).
        case look(Int, negated: Bool)
        case match
    }

    struct Program: Sendable {
        var instructions: [Instruction] = []
    }

    struct Lookaround: Sendable {
        var program: Program
        /// Lookbehind runs forwards; lookahead runs its reversed program backwards.
        var behind: Bool
    }

    /// Above this many instructions in all (counted repetitions are expanded) a pattern is not
    /// compiled at all; above `budgetThreshold` each match runs under `stepBudget`.
    static let maxInstructions = 1_000_000
    /// Up to this size the linear bound itself is small enough; beyond it each match is capped.
    static let budgetThreshold = 10_000
    /// The per-match budget for patterns larger than `budgetThreshold` (about 0.1 s of work).
    static let stepBudget = 20_000_000

    let sets: [CodePointSet]
    let main: Program
    /// Innermost first: a lookaround's body refers only to tables of lower index.
    let lookarounds: [Lookaround]
    let instructionCount: Int

    enum Failure: Error, Sendable {
        case tooLarge(Int)
    }

    init(_ node: PatternNode) throws(Failure) {
        let size = Self.size(of: node)
        guard size <= Self.maxInstructions else { throw .tooLarge(size) }
        var compiler = Compiler()
        main = compiler.program(node, reversed: false)
        sets = compiler.sets
        lookarounds = compiler.lookarounds
        instructionCount = main.instructions.count + lookarounds.reduce(0) { $0 + $1.program.instructions.count }
        isStraight = lookarounds.isEmpty && instructionCount <= Self.budgetThreshold && main.instructions.allSatisfy { instruction in
            switch instruction {
            case .set, .assertion, .match: return true
            case .split, .jump, .look: return false
            }
        }
    }

    /// The main program is a straight line of sets and assertions (no alternation, optional or
    /// repeated part, or lookaround), such as `^2[0-9]{11}$`, and small enough to run without a
    /// step budget: `straightSearch` matches it without thread lists.
    let isStraight: Bool

    /// For a straight program (`isStraight`): walks it from each start position in turn, as the
    /// lock-step simulation would find the same match (a straight line has one thread per start).
    /// Steps count as in `search`: instructions visited plus code points tested, at most
    /// (n + 1) · m. Returns whether a match was found.
    func straightSearch(_ text: String.UnicodeScalarView, steps: inout Int) -> Bool {
        let instructions = main.instructions
        var start = text.startIndex
        while true {
            var position = start
            var matched = false
            walk: for instruction in instructions {
                steps += 1
                switch instruction {
                case .set(let set):
                    guard position < text.endIndex, sets[set].contains(text[position].value) else { break walk }
                    position = text.index(after: position)
                case .assertion(let assertion):
                    guard Self.holds(assertion, at: position, in: text) else { break walk }
                case .match:
                    matched = true
                    break walk
                case .split, .jump, .look:
                    break walk
                }
            }
            if matched { return true }
            // A program that starts with `^` can only match at the start.
            if case .assertion(.start)? = instructions.first { return false }
            guard start < text.endIndex else { return false }
            start = text.index(after: start)
        }
    }

    static func holds(_ assertion: PatternAssertion, at position: String.UnicodeScalarView.Index, in text: String.UnicodeScalarView) -> Bool {
        switch assertion {
        case .start: return position == text.startIndex
        case .end: return position == text.endIndex
        case .wordBoundary, .notWordBoundary:
            let before = position > text.startIndex && CodePointSet.Builtin.isWord(text[text.index(before: position)].value)
            let after = position < text.endIndex && CodePointSet.Builtin.isWord(text[position].value)
            return (before != after) == (assertion == .wordBoundary)
        }
    }

    /// Instructions a node compiles to (lookaround bodies included), saturating.
    static func size(of node: PatternNode) -> Int {
        func add(_ a: Int, _ b: Int) -> Int { let (r, o) = a.addingReportingOverflow(b); return o ? Int.max : r }
        func multiply(_ a: Int, _ b: Int) -> Int { let (r, o) = a.multipliedReportingOverflow(by: b); return o ? Int.max : r }
        switch node {
        case .empty: return 0
        case .set, .assertion: return 1
        case .sequence(let nodes): return nodes.reduce(0) { add($0, size(of: $1)) }
        case .alternation(let nodes): return add(nodes.reduce(0) { add($0, size(of: $1)) }, 2 * (nodes.count - 1))
        case .look(let body, _, _): return add(2, size(of: body))
        case .quantified(let body, let min, let max):
            let inner = size(of: body)
            let required = multiply(min, inner)
            guard let max else { return add(required, add(inner, 2)) }
            return add(required, multiply(max - min, add(inner, 1)))
        }
    }

    private struct Compiler {
        var sets: [CodePointSet] = []
        var lookarounds: [Lookaround] = []

        mutating func program(_ node: PatternNode, reversed: Bool) -> Program {
            var program = Program()
            emit(node, reversed: reversed, into: &program)
            program.instructions.append(.match)
            return program
        }

        mutating func emit(_ node: PatternNode, reversed: Bool, into program: inout Program) {
            switch node {
            case .empty:
                break
            case .set(let set):
                sets.append(set)
                program.instructions.append(.set(sets.count - 1))
            case .assertion(let assertion):
                program.instructions.append(.assertion(assertion))
            case .sequence(let nodes):
                for node in reversed ? nodes.reversed() : nodes { emit(node, reversed: reversed, into: &program) }
            case .alternation(let nodes):
                // split L1, next; L1: a; jump end; next: split L2, next2; … last alternative.
                var jumps: [Int] = []
                for (offset, alternative) in nodes.enumerated() {
                    if offset < nodes.count - 1 {
                        let split = program.instructions.count
                        program.instructions.append(.split(split + 1, -1))
                        emit(alternative, reversed: reversed, into: &program)
                        jumps.append(program.instructions.count)
                        program.instructions.append(.jump(-1))
                        program.instructions[split] = .split(split + 1, program.instructions.count)
                    } else {
                        emit(alternative, reversed: reversed, into: &program)
                    }
                }
                for jump in jumps { program.instructions[jump] = .jump(program.instructions.count) }
            case .look(let body, let behind, let negated):
                // A lookahead's body is matched from p onwards: its table comes from the body
                // run backwards from the end; a lookbehind's the other way round.
                let bodyProgram = self.program(body, reversed: !behind)
                lookarounds.append(Lookaround(program: bodyProgram, behind: behind))
                program.instructions.append(.look(lookarounds.count - 1, negated: negated))
            case .quantified(let body, let min, let max):
                for _ in 0..<min { emit(body, reversed: reversed, into: &program) }
                if let max {
                    // Each optional copy: split body, end (all jump to the same end).
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(program.instructions.count)
                        program.instructions.append(.split(program.instructions.count + 1, -1))
                        emit(body, reversed: reversed, into: &program)
                    }
                    let end = program.instructions.count
                    for split in splits { program.instructions[split] = .split(split + 1, end) }
                } else {
                    // loop: split body, end; body; jump loop
                    let loop = program.instructions.count
                    program.instructions.append(.split(loop + 1, -1))
                    emit(body, reversed: reversed, into: &program)
                    program.instructions.append(.jump(loop))
                    program.instructions[loop] = .split(loop + 1, program.instructions.count)
                }
            }
        }
    }

    enum Outcome: Equatable, Sendable {
        case match
        case noMatch
        case budgetExceeded
    }

    /// Searches `text` (code points) for a match anywhere (`RegExp.prototype.test`, no `y` flag).
    /// `budget` applies only to automata larger than `budgetThreshold`.
    func search(_ text: [UInt32], steps: inout Int, budget stepBudget: Int = Self.stepBudget) -> Outcome {
        let budget = instructionCount > Self.budgetThreshold ? stepBudget : Int.max
        var tables: [[Bool]] = []
        tables.reserveCapacity(lookarounds.count)
        for lookaround in lookarounds {
            var table = [Bool](repeating: false, count: text.count + 1)
            var simulation = Simulation(program: lookaround.program, sets: sets, text: text, tables: tables, budget: budget)
            let finished = simulation.run(forward: lookaround.behind, record: &table)
            steps += simulation.steps
            guard finished else { return .budgetExceeded }
            tables.append(table)
        }
        var simulation = Simulation(program: main, sets: sets, text: text, tables: tables, budget: budget - steps)
        let result = simulation.search()
        steps += simulation.steps
        return result
    }

    /// One lock-step run of a program over the text.
    private struct Simulation {
        let instructions: [Instruction]
        let sets: [CodePointSet]
        let text: [UInt32]
        let tables: [[Bool]]
        let budget: Int
        var steps = 0
        /// `marks[pc] == stamp`: pc already in this position's thread list.
        var marks: [Int]
        var stamp = 0
        var stack: [Int] = []
        /// Threads waiting on a `.set` at the current position.
        var current: [Int] = []
        var next: [Int] = []

        init(program: Program, sets: [CodePointSet], text: [UInt32], tables: [[Bool]], budget: Int) {
            instructions = program.instructions
            self.sets = sets
            self.text = text
            self.tables = tables
            self.budget = budget
            marks = [Int](repeating: -1, count: program.instructions.count)
        }

        func holds(_ assertion: PatternAssertion, at position: Int) -> Bool {
            switch assertion {
            case .start: return position == 0
            case .end: return position == text.count
            case .wordBoundary, .notWordBoundary:
                let before = position > 0 && CodePointSet.Builtin.isWord(text[position - 1])
                let after = position < text.count && CodePointSet.Builtin.isWord(text[position])
                return (before != after) == (assertion == .wordBoundary)
            }
        }

        /// Adds the thread at `pc` and everything reachable from it without consuming input, at
        /// `position`, to `current`. Returns whether `.match` was reached.
        mutating func addClosure(_ pc: Int, at position: Int) -> Bool {
            var matched = false
            stack.append(pc)
            while let pc = stack.popLast() {
                guard marks[pc] != stamp else { continue }
                marks[pc] = stamp
                steps += 1
                switch instructions[pc] {
                case .set: current.append(pc)
                case .split(let first, let second): stack.append(second); stack.append(first)
                case .jump(let target): stack.append(target)
                case .assertion(let assertion): if holds(assertion, at: position) { stack.append(pc + 1) }
                case .look(let table, let negated): if tables[table][position] != negated { stack.append(pc + 1) }
                case .match: matched = true
                }
            }
            return matched
        }

        /// Forward search; stops at the first position where a match ends.
        mutating func search() -> Outcome {
            for position in 0...text.count {
                stamp = position
                current.removeAll(keepingCapacity: true)
                for pc in next where addClosure(pc, at: position) { return .match }
                if addClosure(0, at: position) { return .match }
                guard steps <= budget else { return .budgetExceeded }
                guard position < text.count else { break }
                next.removeAll(keepingCapacity: true)
                let c = text[position]
                for pc in current {
                    guard case .set(let set) = instructions[pc] else { continue }
                    steps += 1
                    if sets[set].contains(c) { next.append(pc + 1) }
                }
            }
            return .noMatch
        }

        /// Tabulates, for every position, whether a match of the program ends there (forward:
        /// started at or before it; backward: started at or after it, on the reversed program).
        /// Returns false if the budget ran out.
        mutating func run(forward: Bool, record table: inout [Bool]) -> Bool {
            let count = text.count
            for step in 0...count {
                let position = forward ? step : count - step
                stamp = step
                current.removeAll(keepingCapacity: true)
                var matched = false
                for pc in next where addClosure(pc, at: position) { matched = true }
                if addClosure(0, at: position) { matched = true }
                table[position] = matched
                guard steps <= budget else { return false }
                guard step < count else { break }
                next.removeAll(keepingCapacity: true)
                let c = forward ? text[position] : text[position - 1]
                for pc in current {
                    guard case .set(let set) = instructions[pc] else { continue }
                    steps += 1
                    if sets[set].contains(c) { next.append(pc + 1) }
                }
            }
            return true
        }
    }
}
