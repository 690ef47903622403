using System.Runtime.InteropServices;

namespace Kennisplatform.Web.Hosting;

/// <summary>
/// SIGTERM (as <c>systemctl stop</c> and <c>restart</c> send) or Ctrl+C while the site is still preparing: the steps
/// under way see their token cancelled, roll back and release what they hold, and the process ends with code 0.
/// Without this the runtime ends the process in the middle of a migration or an import. Once the host has started,
/// its own console lifetime takes these signals over and shuts down gracefully (in-flight requests finish, the
/// search index commits, the locks are released).
/// </summary>
public sealed class StartupSignals : IDisposable
{
    private readonly CancellationTokenSource interrupted = new();
    private readonly List<PosixSignalRegistration> registrations = [];

    private StartupSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
            registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                interrupted.Cancel();
            }));
    }

    public static StartupSignals Listen() => new();

    public CancellationToken Token => interrupted.Token;

    /// <summary>Called once the host runs: a signal that came in just before is passed on to it.</summary>
    public void HandOver(IHostApplicationLifetime lifetime)
    {
        Dispose();
        if (interrupted.IsCancellationRequested)
            lifetime.StopApplication();
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
            registration.Dispose();
        registrations.Clear();
    }
}
