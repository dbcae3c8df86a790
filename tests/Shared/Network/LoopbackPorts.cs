using System.Net;
using System.Net.Sockets;

namespace Immunization.Tests.Shared;

/// <summary>Free TCP ports on the loopback interface, for servers a test starts (PostgreSQL, silos, gateways).</summary>
internal static class LoopbackPorts
{
    /// <summary>Ports that were free together at the time of the call (held open until all are found, then released).</summary>
    /// <param name="count">How many ports.</param>
    /// <returns>Distinct port numbers.</returns>
    public static int[] Free(int count)
    {
        var listeners = new TcpListener[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                listeners[i] = new TcpListener(IPAddress.Loopback, 0);
                listeners[i].Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener?.Stop();
            }
        }
    }
}
