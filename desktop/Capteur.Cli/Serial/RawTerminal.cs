using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Capteur.Cli.Serial;

/// <summary>
/// This process's terminal in raw mode (every key goes through as a byte, Ctrl+C and Enter's CR included; no local
/// echo: the board's console echoes), put back exactly as it was on <see cref="Dispose"/>. Done with libc's
/// tcgetattr, cfmakeraw and tcsetattr on standard input, the termios structure kept opaque (its layout differs
/// between Linux and macOS). Keys are then read with <see cref="OpenKeyboard"/>, never through
/// <see cref="Console"/>'s input, whose line editor sets a terminal mode of its own (ISIG and OPOST on: Ctrl+C would
/// kill the tool instead of reaching the board). When input is not a terminal (a pipe, a test) nothing is changed.
/// </summary>
public sealed class RawTerminal : IDisposable
{
    private const int StandardInput = 0;
    private const int SetNow = 0; // TCSANOW on Linux and macOS

    // larger than struct termios on every Unix .NET runs on (60 bytes on Linux, 72 on macOS)
    private const int TermiosBytes = 256;

    private readonly byte[]? _saved;

    private RawTerminal(byte[]? saved)
    {
        _saved = saved;
    }

    /// <summary>True when the terminal was switched to raw mode (and will be restored).</summary>
    public bool IsRaw => _saved is not null;

    /// <summary>
    /// The keys typed, byte by byte. In raw mode standard input is read as a plain file descriptor:
    /// <see cref="Console.OpenStandardInput()"/> on a terminal is .NET's own line editor (it sets its terminal mode,
    /// echoes, and hands over nothing before Enter), so neither Ctrl+] nor single keys would come through.
    /// </summary>
    public Stream OpenKeyboard() => IsRaw
        ? new FileStream(new SafeFileHandle(StandardInput, ownsHandle: false), FileAccess.Read, bufferSize: 0)
        : Console.OpenStandardInput();

    /// <summary>Switches the terminal to raw mode when standard input is one.</summary>
    public static RawTerminal Enter()
    {
        if (OperatingSystem.IsWindows() || Console.IsInputRedirected)
        {
            return new RawTerminal(null);
        }

        try
        {
            var saved = new byte[TermiosBytes];
            if (Native.isatty(StandardInput) != 1 || Native.tcgetattr(StandardInput, saved) != 0)
            {
                return new RawTerminal(null);
            }

            var raw = (byte[])saved.Clone();
            Native.cfmakeraw(raw);
            return Native.tcsetattr(StandardInput, SetNow, raw) == 0 ? new RawTerminal(saved) : new RawTerminal(null);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return new RawTerminal(null);
        }
    }

    /// <summary>Puts the terminal back as it was.</summary>
    public void Dispose()
    {
        if (_saved is not null)
        {
            Native.tcsetattr(StandardInput, SetNow, _saved);
        }
    }

    private static class Native
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int isatty(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int tcgetattr(int fd, byte[] termios);

        [DllImport("libc", SetLastError = true)]
        public static extern int tcsetattr(int fd, int optionalActions, byte[] termios);

        [DllImport("libc")]
        public static extern void cfmakeraw(byte[] termios);
    }
}
