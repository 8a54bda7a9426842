using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Capteur.Firmware")]
[assembly: AssemblyDescription("Capteur MQTT sensor node firmware for ESP32 boards (.NET nanoFramework)")]
[assembly: AssemblyProduct("Capteur")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: ComVisible(false)]
