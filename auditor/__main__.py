"""Entry point for ``python -m auditor``."""

from auditor.entry import main

if __name__ == "__main__":
    main()
