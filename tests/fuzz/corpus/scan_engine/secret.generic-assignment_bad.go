package config

// ruleid: secret.generic-assignment
const apiToken = "Kx7Tq2Wm9Zp4Lr1Vn8Bc"

func dsnPassword() string {
	// ruleid: secret.generic-assignment
	dbPassword := "Wq7zK2pLx9vR"
	return dbPassword
}
