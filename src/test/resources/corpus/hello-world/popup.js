console.log("This is a popup!");
