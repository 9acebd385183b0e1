"""Entry script of the PyInstaller bundle (installer/ntt-pos.spec): the same `main` as the `ntt-pos`
console script of the wheel, so the bundle and a pip install behave alike."""

from pos.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
