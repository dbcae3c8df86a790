using BenchmarkDotNet.Attributes;
using Immunization.Core.Text;

namespace Immunization.Benchmarks.Text;

[MemoryDiagnoser]
public class FoldBenchmarks
{
    private readonly char[] _buffer = new char[64];

    [Benchmark]
    public int FoldIntoBuffer() => VietnameseText.Fold("Nguyễn Thị Minh Anh", _buffer);
}
