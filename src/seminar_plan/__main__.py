from seminar_plan.cli import main

main()
