using System;
using System.IO.Ports;
using System.Threading;
using Capteur.Node.Ports;
using nanoFramework.Hardware.Esp32;

namespace Capteur.Firmware.Adapters
{
    /// <summary>
    /// The configuration console on UART COM2 (COM1 is the debugger's wire protocol and cannot be opened). The RX and
    /// TX pins are routed with <see cref="Configuration.SetPinFunction"/> first, because the default COM2 pins
    /// (GPIO16/17) are the PSRAM pins on WROVER modules.
    /// </summary>
    internal sealed class SerialLine : ISerialLine
    {
        /// <summary>How often a waiting <see cref="Read"/> looks at the receive buffer.</summary>
        private const int PollMs = 10;

        private readonly SerialPort _port;
        private readonly int _readTimeoutMs;

        /// <summary>
        /// Routes COM2 to <paramref name="rxPin"/>/<paramref name="txPin"/> and opens it at 8N1. A pin of -1 keeps the
        /// target's default routing (on the virtual device, where SetPinFunction throws NotSupportedException, the pins are ignored).
        /// </summary>
        public SerialLine(int rxPin, int txPin, int baudRate, int readTimeoutMs)
        {
            try
            {
                if (rxPin >= 0)
                {
                    Configuration.SetPinFunction(rxPin, DeviceFunction.COM2_RX);
                }

                if (txPin >= 0)
                {
                    Configuration.SetPinFunction(txPin, DeviceFunction.COM2_TX);
                }
            }
            catch (NotSupportedException)
            {
                // The virtual ESP32 has no pin matrix (SetPinFunction throws NotSupported there): COM2 is the host
                // device it is mapped to, so there is nothing to route.
            }

            _readTimeoutMs = readTimeoutMs;
            _port = new SerialPort("COM2", baudRate, Parity.None, 8, StopBits.One);
            // SerialPort.Read waits for all the bytes asked and throws TimeoutException, so Read below only ever asks
            // for bytes already buffered; the timeout just bounds that call.
            _port.ReadTimeout = readTimeoutMs;
            _port.Open();
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            if (count <= 0)
            {
                return 0;
            }

            // Polling BytesToRead instead of a blocking Read that ends in TimeoutException keeps the idle console
            // loop free of allocations.
            long deadline = Environment.TickCount64 + _readTimeoutMs;
            int available = _port.BytesToRead;
            while (available == 0)
            {
                if (Environment.TickCount64 >= deadline)
                {
                    return 0;
                }

                Thread.Sleep(PollMs);
                available = _port.BytesToRead;
            }

            return _port.Read(buffer, offset, available < count ? available : count);
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }
    }
}
