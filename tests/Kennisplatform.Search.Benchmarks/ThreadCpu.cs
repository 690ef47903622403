using System.Runtime.InteropServices;

namespace Kennisplatform.Search.Benchmarks;

/// <summary>
/// CPU time used by the calling thread (Linux, clock_gettime with CLOCK_THREAD_CPUTIME_ID). On a machine shared with
/// other work, wall-clock percentiles measure the scheduler as much as the code; the thread's own CPU time does not
/// count the time it waited for a core, so it shows what a request costs on a quiet machine.
/// </summary>
public static class ThreadCpu
{
    private const int ThreadCpuTimeClock = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux() && TryNow(out _);

    /// <summary>The calling thread's CPU time in milliseconds, or 0 where it cannot be read.</summary>
    public static double Milliseconds() => Available && TryNow(out var ms) ? ms : 0;

    private static bool TryNow(out double milliseconds)
    {
        milliseconds = 0;
        try
        {
            if (ClockGetTime(ThreadCpuTimeClock, out var time) != 0) return false;
            milliseconds = time.Seconds * 1000.0 + time.Nanoseconds / 1_000_000.0;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);
}
