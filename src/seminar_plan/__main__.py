from seminar_plan.entry import main

main()
