using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Immunization.Reporting.Coverage;

/// <summary>
/// The report's large flat arrays (tens to hundreds of megabytes at 10 million people), allocated so that on Linux the
/// kernel backs them with 2 MB pages where it can: the array is pinned (on the pinned-object heap, collected like any
/// large array) and its memory advised <c>MADV_HUGEPAGE</c> before anything touches it. A first report in a process
/// then takes one page fault per 2 MB instead of one per 4 KB (on a virtual machine where each fault costs the
/// hypervisor about 10 µs, 110 k faults and 2–3 s of CPU fewer at 10 M), and the scattered reads into the person-id
/// table and the per-row arrays miss the TLB less. Elsewhere, below 4 MB, after the kernel refused the advice once (huge
/// pages not built in), when libc has no <c>madvise</c>, or when the application turns it off (the
/// <see cref="AppContext"/> switch <c>Immunization.Reporting.HugePages</c> set to <see langword="false"/>), these are
/// ordinary arrays.
/// </summary>
/// <remarks>
/// Unlike ordinary large arrays, pinned ones are never compacted; memory the pinned heap reuses keeps whatever pages it
/// had, and keeps the advice for the objects that later live there; with the kernel's <c>defrag</c> set to
/// <c>madvise</c>, a fault in advised memory may wait for the kernel to assemble a 2 MB page.
/// </remarks>
internal static class LargeArrays
{
    /// <summary>The <see cref="AppContext"/> switch that turns the advice off when set to <see langword="false"/>.</summary>
    internal const string Switch = "Immunization.Reporting.HugePages";

    // Arrays from this size are advised: the 2 MB-aligned part of smaller ones is empty or small.
    private const long MinBytes = 4L << 20;
    private const long HugePage = 2L << 20;
    private const int AdviseHugePage = 14;

    // Cleared when the advice cannot be given here (no libc, no madvise, or the kernel refused it once), so it is not
    // tried again; a race between two allocating threads only tries it once more.
    private static bool s_available = OperatingSystem.IsLinux();

    /// <summary>Whether arrays of this many bytes are advised in this process.</summary>
    internal static bool Advises(long bytes) =>
        bytes >= MinBytes && s_available && (!AppContext.TryGetSwitch(Switch, out bool on) || on);

    /// <summary>An array whose elements are not set (large ones advised, as above).</summary>
    internal static T[] Uninitialized<T>(int length)
        where T : unmanaged
    {
        long bytes = (long)length * Unsafe.SizeOf<T>();
        if (!Advises(bytes))
        {
            return GC.AllocateUninitializedArray<T>(length);
        }

        var array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        Advise(array, bytes);
        return array;
    }

    /// <summary>An array of default elements (large ones advised, then cleared on the cores).</summary>
    internal static T[] Zeroed<T>(int length)
        where T : unmanaged
    {
        if (!Advises((long)length * Unsafe.SizeOf<T>()))
        {
            return new T[length];
        }

        var array = Uninitialized<T>(length);
        Partitions.Run(length, Partitions.For(length), (_, from, to) => Array.Clear(array, from, to - from));
        return array;
    }

    /// <summary>The address range of a pinned array's elements rounded in to whole 2 MB pages (empty when none).</summary>
    internal static (long From, long To) HugePages<T>(T[] array, long bytes)
        where T : unmanaged
    {
        long start = Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        long from = (start + HugePage - 1) & ~(HugePage - 1);
        long to = (start + bytes) & ~(HugePage - 1);
        return (from, Math.Max(from, to));
    }

    private static void Advise<T>(T[] array, long bytes)
        where T : unmanaged
    {
        var (from, to) = HugePages(array, bytes);
        if (to == from)
        {
            return;
        }

        try
        {
            // A refusal (huge pages not built into the kernel) leaves ordinary pages, and later arrays are ordinary ones.
            if (NativeMethods.Madvise((nint)from, (nuint)(to - from), AdviseHugePage) != 0)
            {
                s_available = false;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            s_available = false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "madvise")]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Madvise(nint address, nuint length, int advice);
    }
}
