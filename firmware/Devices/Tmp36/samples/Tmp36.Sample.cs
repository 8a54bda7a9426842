using System;
using System.Device.Adc;
using System.Threading;
using Capteur.Firmware.Devices;
using Capteur.Node.Config;
using Capteur.Node.Sensors;

namespace Capteur.Firmware.Devices.Samples
{
    /// <summary>Reads a TMP36 on GPIO 34 of an ESP32-DevKitC every 2 s and prints °C and mV.</summary>
    public static class Tmp36Sample
    {
        /// <summary>Entry point.</summary>
        public static void Main()
        {
            // Calibration as in sensorN.cal: "reading:reference,reading:reference" (empty: none).
            TwoPointCalibration calibration = TwoPointCalibration.Parse("");
            BoardProfile board = BoardProfiles.Find("esp32-devkitc");
            Tmp36 sensor = Tmp36.OnPin(new AdcController(), board, 34, Tmp36.DefaultOversample, calibration);

            Console.WriteLine("TMP36 on GPIO 34 (ADC1 channel " + board.AdcChannelOf(34).ToString() + ")");
            while (true)
            {
                double celsius = sensor.ReadCelsius();
                double milliVolts = sensor.ReadMilliVolts();
                Console.WriteLine("T = " + celsius.ToString("F2") + " °C (" + milliVolts.ToString("F0") + " mV)");
                Thread.Sleep(2000);
            }
        }
    }
}
