"""After the build: the PDF, the offline edition, the ledger exports, the manifest harvest."""
