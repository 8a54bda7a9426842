using System;
using System.Threading;

namespace Capteur.Firmware
{
    /// <summary>Entry point of the node firmware.</summary>
    public static class Program
    {
        /// <summary>Firmware version, printed at boot and reported by the node.</summary>
        public const string Version = "0.1.0";

        /// <summary>Prints the banner and the free managed memory, then idles (the node engine is wired later).</summary>
        public static void Main()
        {
            Console.WriteLine("Capteur firmware " + Version);
            uint freeBytes = nanoFramework.Runtime.Native.GC.Run(false);
            Console.WriteLine("free memory: " + freeBytes.ToString() + " bytes");
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
