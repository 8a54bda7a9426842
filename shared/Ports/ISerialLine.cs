namespace Capteur.Node.Ports
{
    /// <summary>A byte stream to a terminal: the console UART on a board, a pty or the terminal on a desktop.</summary>
    public interface ISerialLine
    {
        /// <summary>Reads what has arrived, up to <paramref name="count"/> bytes; returns 0 when nothing came within the line's timeout.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Writes all <paramref name="count"/> bytes.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
