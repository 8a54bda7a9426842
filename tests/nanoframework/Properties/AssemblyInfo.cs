using System.Reflection;
using System.Runtime.InteropServices;

[assembly: AssemblyTitle("Capteur.Node.NfTests")]
[assembly: AssemblyDescription("The shared-core tests of Capteur, run on a nanoFramework board")]
[assembly: AssemblyProduct("Capteur")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: ComVisible(false)]
