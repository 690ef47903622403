using System.Net;
using System.Net.Sockets;

namespace Kennisplatform.Testing.Cluster;

public static class Ports
{
    /// <summary>A port on 127.0.0.1 that nothing listens on right now, chosen by the operating system.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on <paramref name="port"/>.</summary>
    public static async Task WaitOpenAsync(int port, TimeSpan limit, Func<string>? diagnostics = null)
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }
            catch (SocketException e)
            {
                throw new TimeoutException($"Nothing listens on 127.0.0.1:{port} after {limit.TotalSeconds:0} s. {diagnostics?.Invoke()}", e);
            }
        }
    }
}
