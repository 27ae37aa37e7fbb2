from infitah.cli import main

main()
