using Immunization.Reporting.Coverage;

namespace Immunization.Reporting.Tests;

/// <summary>
/// <see cref="LargeArrays"/>: zeroed arrays are zero even in memory used before; on Linux a large array's whole 2 MB
/// pages are advised for huge pages (the kernel's own account of the mapping says so); the switch turns that off.
/// </summary>
public sealed class LargeArraysTests
{
    [Theory]
    [InlineData(1_000)]
    [InlineData(600_000)]
    [InlineData(3_000_000)]
    public void Zeroed_MemoryUsedBefore_AllDefault(int length)
    {
        for (int round = 0; round < 4; round++)
        {
            var array = LargeArrays.Zeroed<long>(length);
            Assert.Equal(length, array.Length);
            Assert.True(array.AsSpan().IndexOfAnyExcept(0L) < 0);
            array.AsSpan().Fill(-1);
            GC.Collect();
        }
    }

    [Fact]
    public void Uninitialized_LargeOnLinux_WholeHugePagesAdvised()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/sys/kernel/mm/transparent_hugepage/enabled"))
        {
            Assert.Skip("Huge pages are advised on Linux kernels that have them.");
        }

        var array = LargeArrays.Uninitialized<int>(4 << 20);
        long bytes = (long)array.Length * sizeof(int);
        var (from, to) = LargeArrays.HugePages(array, bytes);

        // The range: whole 2 MB pages inside the array's elements, as many as fit.
        long start = System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(array, 0);
        const long Huge = 2L << 20;
        Assert.Equal(0, from % Huge);
        Assert.Equal(0, to % Huge);
        Assert.InRange(from, start, start + Huge - 1);
        Assert.InRange(to, start + bytes - Huge + 1, start + bytes);
        Assert.True(to - from >= 14L << 20);
        Assert.Contains("hg", Flags(from));
        Assert.Contains("hg", Flags(to - 1));
        GC.KeepAlive(array);
    }

    [Fact]
    public void Advises_SwitchOffOrSmallArray_False()
    {
        try
        {
            AppContext.SetSwitch(LargeArrays.Switch, false);
            Assert.False(LargeArrays.Advises(64L << 20));
        }
        finally
        {
            AppContext.SetSwitch(LargeArrays.Switch, true);
        }

        Assert.False(LargeArrays.Advises(1L << 20));
        Assert.Equal(OperatingSystem.IsLinux(), LargeArrays.Advises(64L << 20));
    }

    // The VmFlags of the mapping that holds an address, from /proc/self/smaps ("hg": advised for huge pages).
    private static string[] Flags(long address)
    {
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-', StringComparison.Ordinal);
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && long.TryParse(line.AsSpan(0, dash), System.Globalization.NumberStyles.HexNumber, null, out long start)
                && long.TryParse(line.AsSpan(dash + 1, space - dash - 1), System.Globalization.NumberStyles.HexNumber, null, out long end))
            {
                inside = address >= start && address < end;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line["VmFlags:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        return [];
    }
}
