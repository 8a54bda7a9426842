using System;
using System.Globalization;

namespace Capteur.Desktop.Tests.Payloads
{
    /// <summary>Sets the thread's culture for a test and restores the previous one when disposed.</summary>
    internal sealed class CultureScope : IDisposable
    {
        /// <summary>Cultures whose decimal separator is a comma (fr-FR, de-DE) or whose group rules differ, plus invariant.</summary>
        public static readonly string[] Names = { "", "en-US", "fr-FR", "de-DE" };

        private readonly CultureInfo _culture;
        private readonly CultureInfo _uiCulture;

        /// <summary>Switches CurrentCulture and CurrentUICulture to <paramref name="name"/> ("" is invariant).</summary>
        public CultureScope(string name)
        {
            _culture = CultureInfo.CurrentCulture;
            _uiCulture = CultureInfo.CurrentUICulture;
            CultureInfo culture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
        }

        /// <summary>Restores the cultures in place before.</summary>
        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
