using System.IO.Ports;

namespace Capteur.Cli.Serial;

/// <summary>
/// A board's serial console (a USB-TTL adapter such as <c>/dev/ttyUSB0</c> or <c>COM3</c>), or a pseudo-terminal path
/// such as a virtual node's <c>/dev/pts/5</c>, opened through System.IO.Ports: 8N1 at the given baud rate, no flow
/// control, DTR and RTS left low (on boards whose USB port drives EN and GPIO0 through them, raising them resets the
/// chip). On Linux System.IO.Ports opens a pty like any tty. When it cannot open the path (a FIFO, a device that
/// refuses the serial settings), the path is opened as a plain file instead and <see cref="FallbackReason"/> says why.
/// </summary>
public sealed class SerialConnection : IDisposable
{
    private readonly SerialPort? _port;

    private SerialConnection(string portName, Stream stream, SerialPort? port, string? fallbackReason)
    {
        PortName = portName;
        Stream = stream;
        _port = port;
        FallbackReason = fallbackReason;
    }

    /// <summary>The port as the user named it.</summary>
    public string PortName { get; }

    /// <summary>The bytes both ways; reads block until bytes come and end (0 or an <see cref="IOException"/>) once the port is closed.</summary>
    public Stream Stream { get; }

    /// <summary>Why the port was opened as a plain file rather than through System.IO.Ports, or null.</summary>
    public string? FallbackReason { get; }

    /// <summary>
    /// Opens <paramref name="portName"/> at <paramref name="baud"/>. Throws <see cref="ArgumentException"/> with the
    /// fix when the port does not exist or cannot be opened.
    /// </summary>
    public static SerialConnection Open(string portName, int baud)
    {
        if (baud is < 50 or > 4_000_000)
        {
            throw new ArgumentException($"--baud: {baud} is out of range (50..4000000; the node's console runs at 115200)");
        }

        bool isDevicePath = !OperatingSystem.IsWindows() || portName.Contains('\\') || portName.Contains('/');
        if (isDevicePath && !File.Exists(portName))
        {
            throw new ArgumentException($"{portName} does not exist (type capteur console without a port to list the serial ports; a virtual node's pty path, e.g. /dev/pts/5, works too)");
        }

        var port = new SerialPort(portName, baud, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            DtrEnable = false,
            RtsEnable = false,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = 5000,
        };
        try
        {
            port.Open();
            return new SerialConnection(portName, port.BaseStream, port, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or PlatformNotSupportedException or ArgumentException)
        {
            port.Dispose();
            // System.IO.Ports on Unix reports every failed open as "access denied", the real error inside
            string why = e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
            if (!isDevicePath)
            {
                throw new ArgumentException($"{portName}: cannot open it ({why})");
            }

            try
            {
                var file = new FileStream(portName, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
                return new SerialConnection(portName, file, null,
                    $"System.IO.Ports could not open {portName} ({why}); opened it as a plain file, without setting its baud rate");
            }
            catch (UnauthorizedAccessException)
            {
                throw new ArgumentException($"{portName}: permission denied; on Linux add yourself to the dialout group (sudo usermod -aG dialout $USER, then log in again)");
            }
            catch (IOException f)
            {
                throw new ArgumentException($"{portName}: cannot open it ({why}; as a file: {f.Message})");
            }
        }
    }

    /// <summary>
    /// The serial ports this machine has, sorted: System.IO.Ports' list (on Linux the ttys backed by a device, e.g.
    /// /dev/ttyUSB0, /dev/ttyACM0, /dev/ttyS0) plus the stable /dev/serial/by-id names of USB adapters.
    /// </summary>
    public static string[] ListPorts()
    {
        var names = new SortedSet<string>(SerialPort.GetPortNames(), StringComparer.Ordinal);
        const string byId = "/dev/serial/by-id";
        if (Directory.Exists(byId))
        {
            names.UnionWith(Directory.GetFileSystemEntries(byId));
        }

        return [.. names];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_port is not null)
        {
            _port.Dispose();
        }
        else
        {
            Stream.Dispose();
        }
    }
}
