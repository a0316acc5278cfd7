document.title = "linked";
