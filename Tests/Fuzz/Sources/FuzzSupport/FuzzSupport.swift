/// The entry point of every fuzz target. SwiftPM links an executable with `main` defined as
/// `<Target>_main` (so tests can link executables), which hides libFuzzer's own `main`; each
/// target therefore defines `<Target>_main` (via `@_cdecl`) and hands control to libFuzzer's
/// documented library entry, `LLVMFuzzerRunDriver` (LLVM "LibFuzzer: Using libFuzzer as a
/// library"), with the target's `LLVMFuzzerTestOneInput`.
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzCallback
) -> CInt

public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ callback: FuzzCallback) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
}
